import type { Campaign, CampaignInput } from '#contract';
import { manualClock } from '#core/shared/clock';
import { ok } from './crm';
import { createTestWorkstation, testNow } from './workstation';

/** A workstation on a clock the test moves, with "Оксана" as the operator here and a colleague. */
export async function campaignWorkstation(start = testNow) {
  const clock = manualClock(start);
  const workstation = createTestWorkstation({ clock });
  const me = await ok(workstation, 'employees.save', { name: 'Оксана Литвин', extension: '101' });
  const colleague = await ok(workstation, 'employees.save', { name: 'Андрій Мороз', extension: '102' });
  await ok(workstation, 'settings.update', { currentEmployeeId: me.id, workingCountries: ['UA', 'RU'] });
  /** A person with one number. */
  const person = async (lastName: string, phone: string, extra: { responsibleId?: string } = {}) =>
    (await ok(workstation, 'contacts.create', { lastName, firstName: 'Тест', phones: [{ kind: 'mobile', raw: phone }], ...extra })).id;
  /** A campaign worked by the operators given (Оксана by default), with a final, a retry, a callback and an opt-out disposition. */
  const campaign = async (input: Partial<CampaignInput> = {}) =>
    ok(workstation, 'campaigns.save', {
      name: 'Опитування клієнтів',
      purpose: 'survey',
      startsAt: start,
      mode: 'progressive',
      profile: 'by_number',
      // The dialing practice a campaign sets up (the law gives no retry delays for surveys).
      rules: { retryDelayMinutes: { busy: 15, no_answer: 60, failed: 30, machine: 240 } },
      operatorIds: [me.id],
      dispositions: [
        { label: 'Опитано', kind: 'final', success: true, hotkey: '1' },
        { label: 'Перезвонити пізніше', kind: 'retry', retryMinutes: 120, hotkey: '2' },
        { label: 'Передзвонити в обраний час', kind: 'callback', hotkey: '3' },
        { label: 'Не дзвонити більше', kind: 'final', optOut: true, hotkey: '4' },
      ],
      ...input,
    });
  return { workstation, clock, me, colleague, person, campaign };
}

/** A saved campaign as the editor sends it back. */
export function editable(campaign: Campaign) {
  const { state: _state, updatedAt: _updatedAt, messages: _messages, ...input } = campaign;
  return input;
}
