import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from './secret-store';

/** Turns a secret into an opaque blob and back. */
export interface Sealer {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
  readonly protection: string;
}

/**
 * Secrets as sealed blobs in a JSON file of their own (mode 0600), outside the database
 * and its backups. The sealing decides the real protection: Electron's safeStorage in the
 * desktop app, `keyFileSealer` in the browser host.
 */
export class SealedFileSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    private readonly sealer: Sealer,
  ) {}

  get protection(): string {
    return this.sealer.protection;
  }

  get(name: string): string | undefined {
    const sealed = this.readAll()[name];
    return sealed === undefined ? undefined : this.sealer.open(Buffer.from(sealed, 'base64'));
  }

  set(name: string, value: string): void {
    const all = this.readAll();
    all[name] = this.sealer.seal(value).toString('base64');
    this.writeAll(all);
  }

  delete(name: string): void {
    const all = this.readAll();
    if (!(name in all)) return;
    delete all[name];
    this.writeAll(all);
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  private writeAll(all: Record<string, string>): void {
    // Write-then-rename: a crash leaves the old file or the new one, never half of one.
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}

/**
 * AES-256-GCM with a random key kept in a 0600 file: what the browser host can do without
 * an OS keychain. It keeps secrets out of the database and the logs; it does not protect them
 * from someone who can read this user's files.
 */
export function keyFileSealer(keyFile: string): Sealer {
  const key = (): Buffer => {
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    return readFileSync(keyFile);
  };
  return {
    protection: 'encrypted file, key readable only by this user',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key(), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
