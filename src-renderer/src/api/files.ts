import type { CrmBridge } from '#contract';
import { ApiCallError } from './client';

const chunkBytes = 1024 * 1024;

export function toBase64(bytes: Uint8Array): string {
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
    if (!result.ok) throw new ApiCallError(result.error);
    uploadId = result.value.uploadId;
    onProgress(Math.min(file.size, at + chunkBytes), file.size);
    if (final) break;
  }
  return uploadId as string;
}

type Chunk = { fileName: string; chunkBase64: string; nextOffset: number | null };

/** Reads a file main serves a piece at a time (a prepared export, a call recording) into a Blob. */
async function readWhole(fetchChunk: (offset: number) => Promise<Chunk>, type = ''): Promise<{ blob: Blob; fileName: string }> {
  const parts: BlobPart[] = [];
  let offset: number | null = 0;
  let fileName = 'download';
  while (offset !== null) {
    const chunk: Chunk = await fetchChunk(offset);
    const binary = atob(chunk.chunkBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    fileName = chunk.fileName;
    offset = chunk.nextOffset;
  }
  return { blob: new Blob(parts, { type }), fileName };
}

/** Fetches a prepared file from main and hands it to the browser as a download. */
export async function downloadFile(bridge: CrmBridge, fileId: string): Promise<void> {
  const { blob, fileName } = await readWhole(async (offset) => {
    const result = await bridge.invoke('files.download', { fileId, offset });
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A call's recording, ready for audio elements: one blob per part (a window reloaded mid-call starts a new part). */
export async function fetchRecording(bridge: CrmBridge, interactionId: string): Promise<Blob[]> {
  const blobs: Blob[] = [];
  let parts = 1;
  for (let part = 1; part <= parts; part++) {
    const { blob } = await readWhole(async (offset) => {
      const result = await bridge.invoke('recording.get', { interactionId, part, offset });
      if (!result.ok) throw new ApiCallError(result.error);
      parts = result.value.parts;
      return result.value;
    }, 'audio/webm');
    blobs.push(blob);
  }
  return blobs;
}
