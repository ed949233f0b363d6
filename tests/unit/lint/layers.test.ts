import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/** The project's own ESLint config, without the type-aware rules (the snippets below are not files). */
const eslint = new ESLint({
  cwd: new URL('../../..', import.meta.url).pathname,
  overrideConfig: [
    { ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules (ESLint)', () => {
  it.each([
    ['src-main/core/crm/x.ts', "import { app } from 'electron';"],
    ['src-main/core/crm/x.ts', "import { useState } from 'react';"],
    ['src-main/core/crm/x.ts', "import { startWebHost } from '#hosts/web/web-host';"],
    ['src-main/hosts/web/x.ts', "import { app } from 'electron';"],
    ['src-main/hosts/electron/x.ts', "import { startWebHost } from '#hosts/web/web-host';"],
    ['src-renderer/src/features/x.tsx', "import { readFileSync } from 'node:fs';"],
    ['src-renderer/src/features/x.tsx', "import Database from 'better-sqlite3';"],
    ['src-renderer/src/features/x.tsx', "import { UserAgent } from 'sip.js';"],
    ['src-renderer/src/features/x.tsx', "import { openDatabase } from '#core/db/connection';"],
    ['src-preload/contract/x.ts', "import WebSocket from 'ws';"],
    ['src-preload/contract/x.ts', "import { foldForSearch } from '#core/shared/text';"],
    ['src-preload/index.ts', "import { openDatabase } from '#core/db/connection';"],
    ['src-renderer/src/features/contacts/x.tsx', "import { Workplace } from '#renderer/app-shell/Workplace';"],
    ['src-renderer/src/ui/x.tsx', "import { CommandPalette } from '#renderer/app-shell/CommandPalette';"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/core/crm/x.ts', "import type { BrowserWindow } from 'electron';"],
    ['src-main/core/crm/x.ts', "import { z } from 'zod';"],
    ['src-main/hosts/electron/x.ts', "import { app } from 'electron';"],
    ['src-renderer/src/features/x.tsx', "import { Button } from '@mantine/core';"],
    ['src-renderer/src/features/x.tsx', "import { useWorkplace } from '#renderer/workplace/WorkplaceContext';"],
    ['src-renderer/src/app-shell/x.tsx', "import { ContactsScreen } from '#renderer/features/contacts/ContactsScreen';"],
    ['src-renderer/src/features/x.tsx', "import { methods } from '#contract';"],
    ['src-preload/contract/x.ts', "import { z } from 'zod';\nimport { IdSchema } from './common';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});

describe('i18n rule (ESLint)', () => {
  async function literalStrings(code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath: 'src-renderer/src/features/x.tsx' });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').length;
  }

  it('refuses words written straight into the interface', async () => {
    expect(await literalStrings('export function A() { return <button title="Save">Save</button>; }')).toBe(2);
  });

  it('accepts translated text', async () => {
    expect(await literalStrings("export function A({ t }: { t: (k: string) => string }) { return <button title={t('settings.save')}>{t('settings.save')}</button>; }")).toBe(0);
  });
});
