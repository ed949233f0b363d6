import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { CrmBridge, MethodOutput } from '#contract';
import { jobFinished } from '#renderer/api/actions';
import { downloadFile } from '#renderer/api/files';

/** Waits for a campaign file's export job and hands the file to the browser; a failed job is said in a notice. */
export async function exportThenDownload(bridge: CrmBridge, started: MethodOutput<'campaigns.exportReport'> | undefined, t: TFunction): Promise<void> {
  if (!started) return;
  const state = await jobFinished(bridge, started.jobId);
  if (state === 'done') await downloadFile(bridge, started.fileId);
  else notifications.show({ color: 'red', message: t('campaigns.files.exportFailed') });
}
