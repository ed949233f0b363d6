import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SealedFileSecretStore, keyFileSealer } from '#core/secrets/sealed-file-store';
import { tempDir } from '#tests/support/temp-dir';

function store(dir: string) {
  return new SealedFileSecretStore(join(dir, 'secrets.json'), keyFileSealer(join(dir, 'secrets.key')));
}

describe('sealed file secret store', () => {
  it('gives back what was stored, across instances', () => {
    const dir = tempDir();
    store(dir).set('sip:101', 'пароль-123');
    expect(store(dir).get('sip:101')).toBe('пароль-123');
    expect(store(dir).get('caldav')).toBeUndefined();
  });

  it('never writes the secret in plain text, and keeps both files private', () => {
    const dir = tempDir();
    store(dir).set('sip:101', 'hunter2-secret');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('hunter2');
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
  });

  it('forgets a deleted secret', () => {
    const dir = tempDir();
    const secrets = store(dir);
    secrets.set('a', '1');
    secrets.set('b', '2');
    secrets.delete('a');
    expect(secrets.get('a')).toBeUndefined();
    expect(secrets.get('b')).toBe('2');
  });

  it('refuses a tampered value rather than returning garbage', () => {
    const dir = tempDir();
    store(dir).set('sip:101', 'secret');
    const file = join(dir, 'secrets.json');
    const sealed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const bytes = Buffer.from(sealed['sip:101'] as string, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(file, JSON.stringify({ 'sip:101': bytes.toString('base64') }));
    expect(() => store(dir).get('sip:101')).toThrow();
  });
});
