import { Paper, ScrollArea, SimpleGrid } from '@mantine/core';
import { memo } from 'react';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ScriptRunner } from './ScriptRunner';
import { useResponse } from './useResponse';
import { useScriptRun } from './useScriptRun';

export interface CallScriptPanelProps {
  callId: string;
}

/** Beside an answered call: its script and, next to it, the script's questionnaire. Nothing at all when the call has no script. */
export function CallScriptPanel({ callId }: CallScriptPanelProps) {
  const run = useScriptRun(callId);
  const { state } = run;
  if (!state) return null;
  return (
    <Paper withBorder shadow="md" p="sm" data-testid="call-script" data-call-id={state.callId}>
      <SimpleGrid cols={state.responseId ? 2 : 1} spacing="md">
        <ScrollArea.Autosize mah="55vh">
          <ScriptRunner run={{ ...run, state }} />
        </ScrollArea.Autosize>
        {state.responseId && <QuestionnairePane responseId={state.responseId} activeSection={state.node.sectionId} />}
      </SimpleGrid>
    </Paper>
  );
}

/** Kept out of the script's renders: a step re-renders the questionnaire only when it opens another section. */
const QuestionnairePane = memo(function QuestionnairePane({ responseId, activeSection }: { responseId: string; activeSection: string | null }) {
  const response = useResponse(responseId);
  const { state } = response;
  if (!state) return null;
  return (
    <ScrollArea.Autosize mah="55vh">
      <QuestionnaireForm response={{ ...response, state }} activeSection={activeSection} />
    </ScrollArea.Autosize>
  );
});
