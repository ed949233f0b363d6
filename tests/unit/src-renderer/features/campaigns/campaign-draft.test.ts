import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '#contract';
import { draftOf, errorOn, inputOf, moved, newDisposition, ruleAt, withRule } from '#renderer/features/campaigns/campaign-draft';

const saved: Campaign = {
  id: 'cmp-1',
  name: 'Опитування',
  goal: 'Find out',
  purpose: 'survey',
  startsAt: dayjs('2026-03-02 09:00:00').valueOf(),
  endsAt: null,
  callerNumber: '+380441234567',
  accountId: 'acc-1',
  scriptId: null,
  questionnaireId: 'q-1',
  mode: 'preview',
  powerRatio: 2,
  previewCountdownSeconds: 15,
  ringTimeoutSeconds: 25,
  wrapUpSeconds: 30,
  profile: 'UA',
  rules: { attemptCaps: { day: 2 }, dncLists: ['partners'] },
  amdAction: 'off',
  state: 'draft',
  operatorIds: ['emp-1'],
  dispositions: [
    { id: 'd-1', label: 'Опитано', kind: 'final', success: true, optOut: false, hotkey: '1', retryMinutes: null },
    { id: 'd-2', label: 'Передзвонити', kind: 'retry', success: false, optOut: false, hotkey: null, retryMinutes: 120 },
  ],
  messages: { abandon: null, machine: null },
  updatedAt: 0,
};

describe('the campaign form', () => {
  it('gives back the campaign it was made from, with the rules it does not show kept', () => {
    const { id, state: _state, messages: _messages, updatedAt: _updated, ...fields } = saved;
    expect(inputOf(draftOf(saved, 0), id)).toEqual({ id, ...fields });
  });

  it('sends empty texts as none, and a retry delay only on a retry disposition', () => {
    const draft = { ...draftOf(null, dayjs('2026-03-02 10:00:00').valueOf()), name: 'New', callerNumber: '  ' };
    draft.dispositions = [{ ...newDisposition('Sale'), retryMinutes: 60 }, { ...newDisposition('Later'), kind: 'retry', retryMinutes: 60, hotkey: 'L' }];
    const input = inputOf(draft, undefined);
    expect(input).not.toHaveProperty('id');
    expect(input.callerNumber).toBeNull();
    expect(input.startsAt).toBe(dayjs('2026-03-02 10:00:00').valueOf());
    expect(input.dispositions).toEqual([
      { label: 'Sale', kind: 'final', success: false, optOut: false, hotkey: null, retryMinutes: null },
      { label: 'Later', kind: 'retry', success: false, optOut: false, hotkey: 'L', retryMinutes: 60 },
    ]);
  });
});

describe('stricter rules', () => {
  it('reads and sets a value by its path', () => {
    const rules = withRule({ attemptCaps: { day: 2 } }, 'attemptCaps.week', 5);
    expect(rules).toEqual({ attemptCaps: { day: 2, week: 5 } });
    expect(ruleAt(rules, 'attemptCaps.week')).toBe(5);
    expect(ruleAt(rules, 'window.weekdays')).toBeUndefined();
    expect(withRule({}, 'window.weekends', null)).toEqual({ window: { weekends: null } });
  });

  it('forgets a value given back to the profile, and the group it leaves empty', () => {
    expect(withRule({ attemptCaps: { day: 2 }, abandonRate: 0.02 }, 'attemptCaps.day', undefined)).toEqual({ abandonRate: 0.02 });
    expect(withRule({ abandonRate: 0.02 }, 'abandonRate', undefined)).toEqual({});
  });

  it('finds a refusal on a field or on a part of it', () => {
    const fields = { 'rules.window.weekdays.to': 'too late', name: 'required' };
    expect(errorOn(fields, 'rules.window.weekdays')).toBe('too late');
    expect(errorOn(fields, 'name')).toBe('required');
    expect(errorOn(fields, 'rules.window.weekends')).toBeUndefined();
  });
});

describe('reordering', () => {
  it('moves an item up or down within the list', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
