import { describe, expect, it } from 'vitest';
import { checkTransition, nextStates } from '#core/crm/complaints/complaint-state';

describe('complaint state machine', () => {
  it('walks new → investigating → resolved → closed', () => {
    expect(checkTransition('new', 'investigating', {})).toEqual({ ok: true, reopening: false });
    expect(checkTransition('investigating', 'resolved', { resolution: 'Replaced the part', result: 'satisfied' })).toEqual({ ok: true, reopening: false });
    expect(checkTransition('resolved', 'closed', {})).toEqual({ ok: true, reopening: false });
  });

  it('reopens a resolved or closed complaint, with a note', () => {
    expect(checkTransition('closed', 'investigating', { note: 'The client called again' })).toEqual({ ok: true, reopening: true });
    expect(checkTransition('resolved', 'investigating', {})).toMatchObject({ ok: false, reason: expect.stringMatching(/note/) });
  });

  it('refuses to skip a step and says what is possible', () => {
    expect(checkTransition('new', 'closed', {})).toEqual({ ok: false, code: 'complaint_move_not_allowed', reason: expect.stringContaining('from new it can become investigating') });
    expect(checkTransition('new', 'resolved', { resolution: 'x', result: 'satisfied' }).ok).toBe(false);
  });

  it('refuses to resolve without the resolution and the result', () => {
    expect(checkTransition('investigating', 'resolved', { resolution: 'Fixed' })).toMatchObject({ ok: false });
  });

  it('lists the moves allowed from each state', () => {
    expect(nextStates('resolved')).toEqual(['closed', 'investigating']);
  });
});
