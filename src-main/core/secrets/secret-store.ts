/**
 * Where SIP and CalDAV passwords live. Never SQLite, never a log line:
 * the desktop app uses Electron's safeStorage (the OS keychain), the browser host an
 * encrypted file readable only by the user.
 */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Human-readable description of the protection, for the Settings screen. */
  readonly protection: string;
}
