import { app, net, protocol, session, type WebContents } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appHost, appScheme, isOwnOrigin, isOwnPage } from '#hosts/common/app-origin';
import { securityHeaders } from '#hosts/common/security-headers';
import { allowTelephonyHeadsets } from './headset-devices';


/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer with our security headers, for our own host only; nothing outside its
 * folder is reachable, and a path with a broken % escape is a 400, not an exception.
 */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(appScheme, async (request) => {
    const { host, pathname } = new URL(request.url);
    if (host !== appHost) return new Response('Not found', { status: 404 });
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad request: the address has a broken % escape', { status: 400 });
    }
    const candidate = normalize(join(rendererDir, decoded));
    const file = candidate.startsWith(root) && pathname !== '/' ? candidate : join(rendererDir, 'index.html');
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

/** Web preferences for every window: the renderer is untrusted. */
export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

/** What the workplace needs, for our own pages only: the microphone, speaker choice, notifications, headsets (WebHID). */
const allowedPermissions = new Set(['media', 'speaker-selection', 'notifications', 'clipboard-sanitized-write', 'hid']);

export function lockDownSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isOwnPage(contents.getURL()) && allowedPermissions.has(permission));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return isOwnOrigin(requestingOrigin) && allowedPermissions.has(permission);
  });
  allowTelephonyHeadsets(ses);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}

/** No navigation away, no new windows, no <webview>. Links to the web open nowhere. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
