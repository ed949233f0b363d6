import { eq, sql } from 'drizzle-orm';
import type { Language } from '#contract';
import type { WriteDb } from '#core/db/handles';
import { campaignDispositions, campaignOperators, campaigns } from '#core/db/schema';
import { seedCampaignHistory } from './campaign-history';

const texts: Record<Language, { name: string; goal: string; dispositions: [string, string, string, string]; noAnswer: string; busy: string }> = {
  uk: {
    name: 'Опитування якості обслуговування',
    goal: 'Дізнатися, як клієнти оцінюють нашу роботу за останній квартал, і записати побажання.',
    dispositions: ['Опитано', 'Передзвонити пізніше', 'Передзвонити в обраний час', 'Не дзвонити більше'],
    noAnswer: 'Не відповідає',
    busy: 'Зайнято',
  },
  ru: {
    name: 'Опрос качества обслуживания',
    goal: 'Узнать, как клиенты оценивают нашу работу за последний квартал, и записать пожелания.',
    dispositions: ['Опрошен', 'Перезвонить позже', 'Перезвонить в выбранное время', 'Больше не звонить'],
    noAnswer: 'Не отвечает',
    busy: 'Занято',
  },
  en: {
    name: 'Service quality survey',
    goal: 'Learn how clients rate our work over the last quarter and note their wishes.',
    dispositions: ['Surveyed', 'Call again later', 'Call back at the chosen time', 'Never call again'],
    noAnswer: 'No answer',
    busy: 'Busy',
  },
};

const dayMs = 86_400_000;
const retryLaterMinutes = 120;

/**
 * A running preview survey in the demo workplace, its list the first few hundred people with a number, split
 * evenly among everyone in the office, so that whoever works at the workstation has a part to dial; everyone
 * has already worked a session of it (see campaign-history.ts).
 */
export function seedDemoCampaign(tx: WriteDb, options: { now: number; language: Language; people: number }): void {
  const text = texts[options.language];
  const at = options.now - 2 * dayMs;
  const id = 'demo-campaign-1';
  tx.insert(campaigns)
    .values({
      id,
      name: text.name,
      goal: text.goal,
      purpose: 'survey',
      startsAt: at,
      endsAt: options.now + 14 * dayMs,
      mode: 'preview',
      previewCountdownSeconds: 20,
      profile: 'by_number',
      rules: JSON.stringify({ retryDelayMinutes: { busy: 15, no_answer: 60, failed: 30 } }),
      state: 'running',
      createdAt: at,
      updatedAt: at,
    })
    .run();
  const [done, later, callback, never] = text.dispositions;
  const dispositions = [
    { label: done, kind: 'final' as const, success: true, optOut: false, retryMinutes: null },
    { label: later, kind: 'retry' as const, success: false, optOut: false, retryMinutes: retryLaterMinutes },
    { label: callback, kind: 'callback' as const, success: false, optOut: false, retryMinutes: null },
    { label: never, kind: 'final' as const, success: false, optOut: true, retryMinutes: null },
  ];
  tx.insert(campaignDispositions)
    .values(dispositions.map((d, i) => ({ ...d, id: `${id}-disposition-${i + 1}`, campaignId: id, hotkey: String(i + 1), position: i, updatedAt: at })))
    .run();
  tx.run(sql`INSERT INTO ${campaignOperators} (id, campaign_id, employee_id, updated_at) SELECT ${id} || '-' || id, ${id}, id, ${at} FROM employees`);
  // Everyone's first readable number; the people dealt out to the office in turn.
  tx.run(sql`
    INSERT INTO campaign_entries (id, campaign_id, contact_id, phone, operator_id, state, priority, next_at, attempts, updated_at)
    SELECT ${id} || '-' || p.contact_id, ${id}, p.contact_id, p.e164, o.id, 'waiting', 1, ${at}, 0, ${at}
    FROM (SELECT contact_id, e164, row_number() OVER (ORDER BY contact_id) - 1 AS n FROM contact_phones WHERE position = 0 AND e164 IS NOT NULL ORDER BY contact_id LIMIT ${options.people}) p
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS everyone FROM employees) o ON o.k = p.n % o.everyone`);
  const started = seedCampaignHistory(tx, {
    campaignId: id,
    now: options.now,
    language: options.language,
    surveyed: { id: `${id}-disposition-1`, label: done },
    later: { id: `${id}-disposition-2`, label: later, retryMinutes: retryLaterMinutes },
    noAnswer: text.noAnswer,
    busy: text.busy,
  });
  // The campaign began before its first session.
  const begun = Math.min(at, started - 3_600_000);
  tx.update(campaigns).set({ startsAt: begun, createdAt: begun }).where(eq(campaigns.id, id)).run();
}
