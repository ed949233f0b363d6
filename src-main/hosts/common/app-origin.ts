/** The renderer is served from `app://workstation/`, never file://, so CSP headers and a real origin apply. */
export const appScheme = 'app';
export const appHost = 'workstation';
export const appOrigin = `${appScheme}://${appHost}`;

/** A page of ours: exactly our origin, then a path (`app://workstation.evil/` is not ours). */
export function isOwnPage(url: string): boolean {
  return url === appOrigin || url.startsWith(`${appOrigin}/`);
}

/** Electron passes permission checks an origin, sometimes with a trailing slash; compared exactly. */
export function isOwnOrigin(origin: string): boolean {
  return origin === appOrigin || origin === `${appOrigin}/`;
}
