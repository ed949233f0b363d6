import type { ImportSummary, JobProgress } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { ok } from './crm';

/** Sends a file through files.upload in chunks, as the renderer does. */
export async function upload(workstation: Workstation, fileName: string, bytes: Uint8Array, chunkBytes = 256 * 1024): Promise<string> {
  let uploadId: string | undefined;
  for (let at = 0; at < bytes.length || at === 0; at += chunkBytes) {
    const chunk = Buffer.from(bytes.subarray(at, at + chunkBytes));
    const final = at + chunkBytes >= bytes.length;
    const ack = await ok(workstation, 'files.upload', { ...(uploadId ? { uploadId } : {}), fileName, chunkBase64: chunk.toString('base64'), final });
    uploadId = ack.uploadId;
    if (final) break;
  }
  return uploadId as string;
}

/** Resolves when a job reports done or failed. */
export function jobFinished(workstation: Workstation, jobId: string): Promise<JobProgress> {
  return new Promise((resolve) => {
    const stop = workstation.events.on('job.progress', (progress) => {
      if (progress.jobId === jobId && progress.state !== 'running') {
        stop();
        resolve(progress);
      }
    });
  });
}

/** Uploads, previews (for the suggested mapping) and imports a file; returns the import's report. */
export async function importFile(
  workstation: Workstation,
  fileName: string,
  bytes: Uint8Array,
  options: { duplicates?: 'skip' | 'merge' | 'create'; mapping?: string[]; workingCountries?: string[] } = {},
): Promise<ImportSummary> {
  const uploadId = await upload(workstation, fileName, bytes);
  const preview = await ok(workstation, 'imports.preview', { uploadId });
  const started = await ok(workstation, 'imports.start', {
    uploadId,
    mapping: options.mapping ?? preview.suggestedMapping,
    duplicates: options.duplicates ?? 'skip',
    ...(options.workingCountries ? { workingCountries: options.workingCountries } : {}),
  });
  await jobFinished(workstation, started.jobId);
  return ok(workstation, 'imports.get', { id: started.importId });
}

/** Downloads a finished export through files.download. */
export async function download(workstation: Workstation, fileId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  let fileName = '';
  while (offset !== null) {
    const chunk: { chunkBase64: string; fileName: string; nextOffset: number | null } = await ok(workstation, 'files.download', { fileId, offset });
    parts.push(Buffer.from(chunk.chunkBase64, 'base64'));
    fileName = chunk.fileName;
    offset = chunk.nextOffset;
  }
  return { fileName, bytes: Buffer.concat(parts) };
}
