import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWsBridge, socketUrlFor } from '#renderer/api/ws-bridge';
import { Root } from '#renderer/app-shell/Root';

/**
 * The desktop app's preload provides window.crm; the browser host's page carries a token
 * in its URL and talks over a WebSocket. Either way the screens see the same bridge.
 */
function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const socketUrl = socketUrlFor(window.location);
  const bridge = window.crm ?? (socketUrl ? createWsBridge(socketUrl) : null);
  if (!bridge) {
    // Not translatable yet: without a bridge there are no settings to choose a language from.
    container.textContent = 'Open the address printed by "npm run web" (it carries the access token).';
    return;
  }
  createRoot(container).render(
    <StrictMode>
      <Root bridge={bridge} />
    </StrictMode>,
  );
}

start();
