import { describe, expect, it } from 'vitest';
import { callStates } from '#contract';
import { dispositionOf } from '#core/telephony/call-log';
import { callLifecycle, commandRefusal } from '#core/telephony/call-state';

describe('the call state machine', () => {
  it('reaches "held" only through "holding" (the accepted re-INVITE), and falls back when refused', () => {
    expect(callLifecycle.can('active', 'held')).toBe(false);
    expect(callLifecycle.can('active', 'holding')).toBe(true);
    expect(callLifecycle.can('holding', 'held')).toBe(true);
    expect(callLifecycle.can('holding', 'active')).toBe(true);
    expect(callLifecycle.can('resuming', 'held')).toBe(true);
  });

  it('ends from every state, and nothing leaves "ended"', () => {
    for (const state of callStates) if (state !== 'ended') expect(callLifecycle.can(state, 'ended')).toBe(true);
    for (const state of callStates) expect(callLifecycle.can('ended', state)).toBe(false);
  });

  it('says what to do instead of a command that does not fit', () => {
    expect(commandRefusal('hold', 'active')).toBeNull();
    expect(commandRefusal('hangup', 'ringing_in')).toMatch(/reject it instead/);
    expect(commandRefusal('resume', 'active')).toBe('The call is not on hold');
    expect(commandRefusal('answer', 'active')).toMatch(/Only a ringing/);
    expect(commandRefusal('dtmf', 'held')).toBe('Cannot dtmf a call that is held');
  });
});

describe('how a call ended, for the history', () => {
  const base = { answered: false, transferred: false, statusCode: null };
  it('incoming: answered, rejected by us, or missed', () => {
    expect(dispositionOf({ ...base, direction: 'in', answered: true, by: 'remote' })).toBe('answered');
    expect(dispositionOf({ ...base, direction: 'in', by: 'local' })).toBe('rejected');
    expect(dispositionOf({ ...base, direction: 'in', by: 'remote' })).toBe('missed');
    expect(dispositionOf({ ...base, direction: 'in', by: 'system' })).toBe('missed');
  });

  it('outgoing: busy, no answer, refused, cancelled by us, failed; transfers first', () => {
    expect(dispositionOf({ ...base, direction: 'out', by: 'remote', statusCode: 486 })).toBe('busy');
    expect(dispositionOf({ ...base, direction: 'out', by: 'remote', statusCode: 408 })).toBe('no_answer');
    expect(dispositionOf({ ...base, direction: 'out', by: 'remote', statusCode: 603 })).toBe('rejected');
    expect(dispositionOf({ ...base, direction: 'out', by: 'local' })).toBe('cancelled');
    expect(dispositionOf({ ...base, direction: 'out', by: 'remote', statusCode: 404 })).toBe('failed');
    expect(dispositionOf({ ...base, direction: 'out', by: 'local', answered: true, transferred: true })).toBe('transferred');
  });
});
