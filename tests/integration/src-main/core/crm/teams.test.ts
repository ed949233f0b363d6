import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { teams } from '#core/db/schema';
import { crmWorkstation, ok } from '#tests/support/crm';
import { callApi, testNow } from '#tests/support/workstation';

describe('teams of operators', () => {
  it('creates and renames teams, signed by the employee here; employees join one and keep it when saved without naming one', async () => {
    const { workstation, me, colleague } = await crmWorkstation();
    expect(me.teamId).toBeNull();
    const sales = await ok(workstation, 'teams.save', { name: 'Продажі' });
    const support = await ok(workstation, 'teams.save', { name: 'Підтримка' });
    expect(await ok(workstation, 'teams.list', {})).toEqual([support, sales]);
    expect(await ok(workstation, 'teams.save', { id: sales.id, name: 'Відділ продажів' })).toEqual({ id: sales.id, name: 'Відділ продажів' });
    const stored = workstation.database.read.select().from(teams).where(eq(teams.id, sales.id)).get();
    expect(stored).toMatchObject({ name: 'Відділ продажів', updatedBy: me.id, updatedAt: testNow, createdAt: testNow, deletedAt: null });

    expect(await ok(workstation, 'employees.save', { id: me.id, name: me.name, extension: '101', teamId: sales.id })).toMatchObject({ teamId: sales.id });
    await ok(workstation, 'employees.save', { id: colleague.id, name: colleague.name, extension: '102', teamId: support.id });
    // The renamed name, and an edit that does not name a team leaves the employee in theirs.
    expect(await ok(workstation, 'employees.save', { id: me.id, name: 'Оксана Литвин-Коваль', extension: '101' })).toMatchObject({ teamId: sales.id });
    const newcomer = await ok(workstation, 'employees.save', { name: 'Ірина Бондар', extension: null, teamId: sales.id });
    const listed = await ok(workstation, 'employees.list', {});
    expect(listed).toHaveLength(3);
    expect(listed).toEqual(
      expect.arrayContaining([
        { id: colleague.id, name: 'Андрій Мороз', extension: '102', teamId: support.id },
        { id: newcomer.id, name: 'Ірина Бондар', extension: null, teamId: sales.id },
        { id: me.id, name: 'Оксана Литвин-Коваль', extension: '101', teamId: sales.id },
      ]),
    );
    // Taken out of a team with null.
    expect(await ok(workstation, 'employees.save', { id: newcomer.id, name: 'Ірина Бондар', extension: null, teamId: null })).toMatchObject({ teamId: null });
  });

  it('deletes a team: its members are left without one, the list no longer shows it, and it can be neither renamed nor joined', async () => {
    const { workstation, me, colleague } = await crmWorkstation();
    const sales = await ok(workstation, 'teams.save', { name: 'Продажі' });
    const support = await ok(workstation, 'teams.save', { name: 'Підтримка' });
    await ok(workstation, 'employees.save', { id: me.id, name: me.name, extension: '101', teamId: sales.id });
    await ok(workstation, 'employees.save', { id: colleague.id, name: colleague.name, extension: '102', teamId: support.id });

    expect(await ok(workstation, 'teams.delete', { id: sales.id })).toEqual({ ok: true });
    expect(await ok(workstation, 'teams.list', {})).toEqual([support]);
    const members = Object.fromEntries((await ok(workstation, 'employees.list', {})).map((e) => [e.id, e.teamId]));
    expect(members).toEqual({ [me.id]: null, [colleague.id]: support.id });
    // A tombstone: past reports still read the name.
    expect(workstation.database.read.select().from(teams).where(eq(teams.id, sales.id)).get()).toMatchObject({ name: 'Продажі', deletedAt: testNow, updatedBy: me.id });

    expect(await callApi(workstation, 'teams.save', { id: sales.id, name: 'Знову продажі' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callApi(workstation, 'teams.delete', { id: sales.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callApi(workstation, 'employees.save', { id: me.id, name: me.name, extension: '101', teamId: sales.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', issues: [{ path: 'teamId', code: 'no_such_record' }] },
    });
    expect(await callApi(workstation, 'teams.save', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
