import { LanguageSchema, type Language } from '#contract';

export interface HostFlags {
  dataDir: string | undefined;
  /** 0 asks the system for any free port. */
  port: number;
  demo: boolean;
  /** How many contacts --demo generates (--demo-size N). */
  demoSize: number;
  /** The demo's language (--demo-language uk|ru|en); unset, the workplace's own (core/demo/language.ts). */
  demoLanguage?: Language;
}

export const hostUsage = `Usage: npm run web -- [--data-dir DIR] [--port N] [--demo] [--demo-size N] [--demo-language uk|ru|en]
       (the desktop app takes the same options but --port)
  --data-dir DIR   where the database lives (default: CRM_DATA_DIR, else the per-user app directory)
  --port N         port on 127.0.0.1 (default 0: any free port)
  --demo           fill an empty workplace with the demo dataset on start
  --demo-size N    contacts in the demo dataset (default 2000)
  --demo-language L  uk, ru or en (default: the interface language, else the system's, else uk)`;

export type FlagParse = { ok: true; flags: HostFlags } | { ok: false; message: string };

/**
 * Reads the host options. `strict` refuses unknown options (the browser host); the desktop app
 * passes false because Electron and Chromium add switches of their own to argv.
 */
export function parseHostFlags(argv: readonly string[], strict = true): FlagParse {
  const flags: HostFlags = { dataDir: undefined, port: 0, demo: false, demoSize: 2_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--data-dir': {
        const dir = value();
        if (!dir) return { ok: false, message: '--data-dir needs a directory' };
        flags.dataDir = dir;
        break;
      }
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65_535) return { ok: false, message: '--port needs a number from 0 to 65535' };
        flags.port = port;
        break;
      }
      case '--demo-size': {
        const size = Number(value());
        if (!Number.isInteger(size) || size < 10 || size > 1_000_000) return { ok: false, message: '--demo-size needs a number from 10 to 1000000' };
        flags.demoSize = size;
        break;
      }
      case '--demo-language': {
        const language = LanguageSchema.safeParse(value());
        if (!language.success) return { ok: false, message: '--demo-language needs uk, ru or en' };
        flags.demoLanguage = language.data;
        break;
      }
      case '--demo':
        flags.demo = true;
        break;
      default:
        if (strict) return { ok: false, message: `Unknown option ${arg}` };
    }
  }
  return { ok: true, flags };
}
