import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, isEventName, isMethodName, type CrmBridge, type EventName, type Result } from '#contract';

/**
 * The renderer's only door to main: `window.crm.invoke` and `window.crm.subscribe`.
 * Names are checked against the contract here too, so a compromised page cannot reach
 * any other channel; payloads are validated in main.
 */
const bridge = {
  invoke(method, input) {
    if (!isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `There is no API method named "${String(method)}"` } });
    }
    return ipcRenderer.invoke(ipcChannels.invoke, method, input) as Promise<Result<never>>;
  },
  subscribe(event, listener) {
    if (!isEventName(event)) throw new Error(`There is no event named "${String(event)}"`);
    const handler = (_e: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(ipcChannels.event, handler);
    return () => {
      ipcRenderer.off(ipcChannels.event, handler);
    };
  },
} satisfies CrmBridge;

contextBridge.exposeInMainWorld('crm', bridge);
