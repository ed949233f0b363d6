import type { CrmBridge } from '#contract';

const chunkBytes = 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends a file the operator picked to main, a megabyte at a time; answers with the upload id. */
export async function uploadFile(bridge: CrmBridge, file: File, onProgress: (sent: number, total: number) => void): Promise<string> {
  let uploadId: string | undefined;
  for (let at = 0; at < file.size || at === 0; at += chunkBytes) {
    const bytes = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
    const final = at + chunkBytes >= file.size;
    const result = await bridge.invoke('files.upload', { ...(uploadId ? { uploadId } : {}), fileName: file.name, chunkBase64: toBase64(bytes), final });
    if (!result.ok) throw new Error(result.error.message);
    uploadId = result.value.uploadId;
    onProgress(Math.min(file.size, at + chunkBytes), file.size);
    if (final) break;
  }
  return uploadId as string;
}

/** Fetches a prepared file from main and hands it to the browser as a download. */
export async function downloadFile(bridge: CrmBridge, fileId: string): Promise<void> {
  const parts: BlobPart[] = [];
  let offset: number | null = 0;
  let fileName = 'download';
  while (offset !== null) {
    const result: Awaited<ReturnType<typeof bridge.invoke<'files.download'>>> = await bridge.invoke('files.download', { fileId, offset });
    if (!result.ok) throw new Error(result.error.message);
    const binary = atob(result.value.chunkBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    fileName = result.value.fileName;
    offset = result.value.nextOffset;
  }
  const url = URL.createObjectURL(new Blob(parts));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
