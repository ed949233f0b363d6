import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ContactInputSchema, DealInputSchema, errorReasons, PhoneInputSchema, WorkingCountriesSchema } from '#contract';
import { issuesOf } from '#core/api/dispatch';

/** The issues main answers for an input, parsed as dispatch parses it. */
function issues(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('expected the input to be refused');
  return issuesOf(parsed.error).map(({ path, code, params }) => ({ path, code, params }));
}

describe('zod issues as contract codes', () => {
  it('a contact without any name: the refinement’s own reason, on the last name', () => {
    expect(issues(ContactInputSchema, { lastName: ' ' })).toEqual([{ path: 'lastName', code: 'contact_needs_name', params: {} }]);
  });

  it('text too long: too_big with the limit as the count, and its origin', () => {
    expect(issues(ContactInputSchema, { lastName: 'Shevchenko', firstName: 'x'.repeat(101) })).toEqual([{ path: 'firstName', code: 'too_big', params: { origin: 'string', count: 100 } }]);
  });

  it('an empty required text and a missing field: required', () => {
    expect(issues(PhoneInputSchema, { kind: 'mobile', raw: '' })).toEqual([{ path: 'raw', code: 'required', params: {} }]);
    expect(issues(PhoneInputSchema, { kind: 'mobile' })).toEqual([{ path: 'raw', code: 'required', params: {} }]);
  });

  it('an e-mail that is none: invalid_format naming the format', () => {
    expect(issues(ContactInputSchema, { lastName: 'A', emails: ['not-mail'] })).toEqual([{ path: 'emails.0', code: 'invalid_format', params: { format: 'email' } }]);
  });

  it('a word where a number goes, a value off the list, an unknown key', () => {
    expect(issues(DealInputSchema, { title: 'Boiler', stageId: 'st-1', contactId: 'ct-1', amount: 'lots' })).toEqual([{ path: 'amount', code: 'not_a_number', params: {} }]);
    expect(issues(PhoneInputSchema, { kind: 'pager', raw: '123' })).toEqual([{ path: 'kind', code: 'invalid_value', params: { values: 'mobile, work, home, fax, other' } }]);
    expect(issues(PhoneInputSchema, { kind: 'work', raw: '123', isAdmin: true })).toEqual([{ path: '', code: 'unknown_keys', params: { keys: 'isAdmin', count: 1 } }]);
  });

  it('a list too short or repeating: too_small with the count, each_country_once', () => {
    expect(issues(WorkingCountriesSchema, [])).toEqual([{ path: '', code: 'too_small', params: { origin: 'array', count: 1 } }]);
    expect(issues(WorkingCountriesSchema, ['UA', 'UA'])).toEqual([{ path: '', code: 'each_country_once', params: {} }]);
  });

  it('every code it gives is one the contract lists', () => {
    const all = [issues(ContactInputSchema, { firstName: 5, phones: [{ kind: 'x' }], custom: { '': 1 } }), issues(WorkingCountriesSchema, 'UA')].flat();
    for (const issue of all) expect(errorReasons).toContain(issue.code);
  });
});
