import type { CrmBridge } from '#contract';

declare global {
  interface Window {
    /** Present in the desktop app; absent in the browser host, which uses the WebSocket. */
    crm?: CrmBridge;
  }
}
