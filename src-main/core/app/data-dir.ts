import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Operator Workstation';

/**
 * The data directory: --data-dir, else CRM_DATA_DIR, else the platform's per-user
 * application directory (the same one Electron calls userData, so both hosts share data).
 */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, platformDefault = defaultUserDataDir(env)): string {
  return flag ?? env.CRM_DATA_DIR ?? platformDefault;
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}
