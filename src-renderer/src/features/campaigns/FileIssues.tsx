import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignFileIssue } from '#contract';
import { issueText } from '#renderer/i18n/error-text';

export interface FileIssuesProps {
  issues: readonly CampaignFileIssue[];
  testId: string;
}

/** Items of a campaign file refused or applied with a field left out: where, which field, why (in the operator's language). */
export function FileIssues({ issues, testId }: FileIssuesProps) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={240}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaigns.files.item')}</Table.Th>
            <Table.Th>{t('importer.field')}</Table.Th>
            <Table.Th>{t('importer.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, i) => (
            <Table.Tr key={i}>
              <Table.Td>{issue.id ? `${issue.item} (${issue.id})` : issue.item}</Table.Td>
              <Table.Td>{issue.path}</Table.Td>
              <Table.Td>{issueText(t, issue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
