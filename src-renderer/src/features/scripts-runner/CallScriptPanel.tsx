import { Paper, ScrollArea, SimpleGrid } from '@mantine/core';
import type { ScriptRunState } from '#contract';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ScriptRunner } from './ScriptRunner';
import { useResponse } from './useResponse';
import { useScriptRun, type ScriptRun } from './useScriptRun';

export interface CallScriptPanelProps {
  callId: string;
}

/** Beside an answered call: its script and, next to it, the script's questionnaire. Nothing at all when the call has no script. */
export function CallScriptPanel({ callId }: CallScriptPanelProps) {
  const run = useScriptRun(callId);
  const { state } = run;
  if (!state) return null;
  return <ScriptAndQuestionnaire run={{ ...run, state }} />;
}

function ScriptAndQuestionnaire({ run }: { run: ScriptRun & { state: ScriptRunState } }) {
  const response = useResponse(run.state.responseId);
  const { state } = response;
  return (
    <Paper withBorder shadow="md" p="sm" data-testid="call-script" data-call-id={run.state.callId}>
      <SimpleGrid cols={state ? 2 : 1} spacing="md">
        <ScrollArea.Autosize mah="55vh">
          <ScriptRunner run={run} />
        </ScrollArea.Autosize>
        {state && (
          <ScrollArea.Autosize mah="55vh">
            <QuestionnaireForm response={{ ...response, state }} activeSection={run.state.node.sectionId} />
          </ScrollArea.Autosize>
        )}
      </SimpleGrid>
    </Paper>
  );
}
