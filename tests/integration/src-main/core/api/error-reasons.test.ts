import { describe, expect, it } from 'vitest';
import { createTestWorkstation } from '#tests/support/workstation';

const ctx = { origin: 'test' };

describe('API errors carry codes and params for the renderer to word', () => {
  it('a malformed contact: each issue with its path, code and params, and nothing saved', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.create', { lastName: '', firstName: 'x'.repeat(101), emails: ['nope'] }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (result.ok) return;
    expect(result.error.issues?.map(({ path, code, params }) => ({ path, code, params }))).toEqual(
      expect.arrayContaining([
        { path: 'firstName', code: 'too_big', params: { origin: 'string', count: 100 } },
        { path: 'emails.0', code: 'invalid_format', params: { format: 'email' } },
      ]),
    );
    expect(result.error.issues?.every((issue) => typeof issue.message === 'string')).toBe(true);
    expect(await workstation.dispatch('contacts.list', {}, ctx)).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('a refinement: the contact-needs-a-name rule by its reason', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.create', { lastName: '  ', firstName: '' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'lastName', code: 'contact_needs_name', params: {} }] } });
  });

  it('a rule only main can check: a stale id is an issue on its field with the no_such_record reason', async () => {
    const workstation = createTestWorkstation();
    const result = await workstation.dispatch('contacts.create', { lastName: 'Koval', companyId: 'co-gone' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'companyId', code: 'no_such_record', params: { kind: 'company', id: 'co-gone' } }] } });
  });

  it('a domain refusal: its reason and params beside the English message (erasing before choosing who you are)', async () => {
    const workstation = createTestWorkstation();
    const created = await workstation.dispatch('contacts.create', { lastName: 'Koval' }, ctx);
    if (!created.ok) throw new Error('contact not created');
    const { id } = created.value as { id: string };
    const result = await workstation.dispatch('privacy.erase', { contactId: id, reason: 'asked by phone', confirmName: 'Someone else' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'choose_who_you_are', params: {}, message: expect.any(String) } });
  });
});
