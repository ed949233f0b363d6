import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type Result } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { isOwnPage } from '#hosts/common/app-origin';

/**
 * One IPC channel for every request. The sender must be a frame showing our own page;
 * the dispatcher validates the payload. Events go to every window.
 */
export function wireIpc(workstation: Workstation): () => void {
  ipcMain.handle(ipcChannels.invoke, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isOwnPage(frameUrl)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Requests are accepted only from the workplace window' } };
    }
    return workstation.dispatch(String(method), input, { origin: `electron:${event.sender.id}` });
  });
  const stopEvents = workstation.events.onAny((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(ipcChannels.invoke);
    stopEvents();
  };
}
