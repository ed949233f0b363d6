import { describe, expect, it } from 'vitest';
import { createDispatcher } from '#core/api/dispatch';
import { combineHandlers, defineHandlers } from '#core/api/registry';
import { createTestWorkstation, recordingLogger } from '#tests/support/workstation';

const ctx = { origin: 'test' };

function settingsRows(workstation: ReturnType<typeof createTestWorkstation>) {
  return workstation.database.sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all();
}

describe('API dispatch', () => {
  it('answers a valid request with the value, defaults filled in', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.list', {}, ctx);
    expect(result).toEqual({ ok: true, value: { total: 0, truncated: false, unsearchable: false, rows: [] } });
  });

  it('refuses an unknown method by name', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.dropAll', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it.each([
    ['a wrong enum value', { theme: 'purple' }, 'theme'],
    ['a wrong type', { language: 5 }, 'language'],
    ['an unknown field', { theme: 'dark', isAdmin: true }, ''],
    ['a bad country code', { workingCountries: ['UA', 'ukraine'] }, 'workingCountries.1'],
    ['no working country at all', { workingCountries: [] }, 'workingCountries'],
    ['an employee id of the wrong shape', { theme: 'dark', currentEmployeeId: '' }, 'currentEmployeeId'],
  ])('refuses settings.update with %s, naming the field, and changes nothing', async (_label, payload, path) => {
    const workstation = createTestWorkstation();
    await workstation.dispatch('settings.update', { workingCountries: ['PL'] }, ctx);
    const before = settingsRows(workstation);

    const result = await workstation.dispatch('settings.update', payload, ctx);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_payload');
    expect(result.error.issues?.some((issue) => issue.path === path)).toBe(true);
    expect(settingsRows(workstation)).toEqual(before);
  });

  it.each([null, 'text', 42, [], undefined])('refuses a payload that is not an object (%s)', async (payload) => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('settings.update', payload, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(settingsRows(workstation)).toEqual([]);
  });

  it('refuses paging beyond the limits', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.list', { limit: 100_000 }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'limit' }] } });
  });

  it('refuses a calendar range that ends before it starts', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('calendar.range', { from: 2000, to: 1000 }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'to' }] } });
  });

  it('reports a missing record as not_found', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.get', { id: 'ct-nobody' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', reason: 'record_gone', params: { id: 'ct-nobody' } } });
  });

  it('turns a crashing handler into a typed internal error and logs the bug', async () => {
    const logger = recordingLogger();
    const dispatch = createDispatcher(
      combineHandlers(
        defineHandlers({
          'reports.filterChoices': () => {
            throw new TypeError('cannot read properties of undefined');
          },
        }),
      ),
      logger,
    );
    const result = await dispatch('reports.filterChoices', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logger.lines.some((line) => line.level === 'error' && String(line.fields?.error).includes('cannot read'))).toBe(true);
  });

  it('refuses to send an answer outside the contract', async () => {
    const logger = recordingLogger();
    const dispatch = createDispatcher(
      combineHandlers(defineHandlers({ 'phone.status': () => ({ registration: 'teleporting' }) as never })),
      logger,
    );
    const result = await dispatch('phone.status', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logger.lines[0]?.fields?.error).toMatch(/outside the contract/);
  });

  it('applies a valid settings change and announces it', async () => {
    const workstation = createTestWorkstation();
    const announced: unknown[] = [];
    workstation.events.on('settings.changed', (s) => announced.push(s));
    const result = await workstation.dispatch('settings.update', { language: 'uk', theme: 'dark' }, ctx);
    // A Ukrainian-language workplace reads numbers as Ukrainian first, then Russian.
    expect(result).toMatchObject({ ok: true, value: { language: 'uk', theme: 'dark', workingCountries: ['UA', 'RU'] } });
    expect(announced).toHaveLength(1);
    expect(await workstation.dispatch('settings.get', {}, ctx)).toMatchObject({ ok: true, value: { language: 'uk' } });
  });
});

describe('handler registry', () => {
  it('throws at start-up when a method is bound twice', () => {
    const part = defineHandlers({ 'phone.status': () => ({ registration: 'no_account' as const }) });
    expect(() => combineHandlers(part, part)).toThrow(/bound twice/);
  });
});
