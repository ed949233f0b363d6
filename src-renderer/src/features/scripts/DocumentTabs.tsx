import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScriptResults } from './ScriptResults';

export interface DocumentTab {
  value: string;
  label: string;
  content: ReactNode;
  testId?: string;
}

export interface DocumentTabsProps {
  /** The script or questionnaire, for its results. */
  id: string;
  tabs: DocumentTab[];
}

/** The editor's own tabs, then the results of the calls that used the script or questionnaire. */
export function DocumentTabs({ id, tabs }: DocumentTabsProps) {
  const { t } = useTranslation();
  const all: DocumentTab[] = [...tabs, { value: 'results', label: t('scripts.results'), content: <ScriptResults id={id} />, testId: 'script-results-tab' }];
  return (
    <Tabs defaultValue={all[0]?.value ?? 'results'} keepMounted={false}>
      <Tabs.List mb="sm">
        {all.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} data-testid={tab.testId}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {all.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {tab.content}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
