import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { dealStageKeys } from '#contract';
import { i18nOptions } from '#renderer/i18n';
import { stageName } from '#renderer/i18n/stage-name';

async function translator(language: 'en' | 'uk' | 'ru') {
  const instance = i18next.createInstance();
  await instance.init(i18nOptions(language));
  return instance.t;
}

describe('deal stage names', () => {
  it('words a shipped stage in the interface language, whatever name the database holds', async () => {
    const stage = { name: 'Новий запит', key: 'new_request' as const };
    expect(stageName(await translator('en'), stage)).toBe('New request');
    expect(stageName(await translator('ru'), stage)).toBe('Новый запрос');
    expect(stageName(await translator('uk'), stage)).toBe('Новий запит');
  });

  it('shows a stage someone named as they named it', async () => {
    expect(stageName(await translator('en'), { name: 'Дегустація', key: null })).toBe('Дегустація');
  });

  it('has a text for every shipped stage in every language', async () => {
    for (const language of ['en', 'uk', 'ru'] as const) {
      const t = await translator(language);
      for (const key of dealStageKeys) expect(stageName(t, { name: 'stored', key }), `${language} ${key}`).not.toMatch(/^(stored|dealStage\.)/);
    }
  });
});
