import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where tests leave screenshots and logs for people to look at (kept by CI). */
export function artifactPath(name: string): string {
  const dir = fileURLToPath(new URL('../../artifacts/e2e', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
