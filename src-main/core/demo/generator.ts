import { foldForSearch } from '#core/shared/text';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { demoPhone, type DemoPhone } from './phones';
import { SeededRandom } from './random';
import { dealStageDefinitions, employeeNames, outcomes, people, subjects, toLatin, type Culture } from './vocabulary';

export interface DemoOptions {
  /** Number of contacts; companies, interactions, deals and events scale with it. */
  contacts: number;
  /** The moment the data is generated "around": history before it, plans after it. */
  now: number;
  seed?: number;
  /** Average interactions per contact (the million-contact benchmark uses fewer). */
  interactionsPerContact?: number;
  /** Contacts per batch; each batch is a coherent slice (companies with all their people and history). */
  batchSize?: number;
}

export interface DemoEmployee { id: string; name: string; extension: string; createdAt: number }
export interface DemoStage { id: string; name: string; position: number; probability: number; outcome: 'open' | 'won' | 'lost' }
export interface DemoCompany { id: string; name: string; searchName: string; city: string; website: string | null; responsibleId: string; createdAt: number; updatedAt: number }
export interface DemoContact {
  id: string; companyId: string | null; firstName: string; lastName: string; middleName: string; fullName: string;
  searchName: string; position: string | null; responsibleId: string; notes: string; createdAt: number; updatedAt: number;
}
/** A phone as stored: the reading's country and national number beside the text (see phoneReadingColumns). */
interface DemoPhoneRow { raw: string; e164: string | null; country: string | null; nsn: string | null; status: 'ok' | 'invalid'; position: number; updatedAt: number }
export interface DemoContactPhone extends DemoPhoneRow { id: string; contactId: string; kind: 'mobile' | 'work' }
export interface DemoCompanyPhone extends DemoPhoneRow { id: string; companyId: string; kind: 'work' }
export interface DemoEmail { id: string; contactId: string; email: string; emailNormalized: string; position: number }
export interface DemoInteraction {
  id: string; kind: 'call' | 'meeting' | 'planned' | 'email' | 'note'; direction: 'in' | 'out' | null; occurredAt: number;
  employeeId: string; contactId: string; companyId: string | null; subject: string; outcome: string | null; durationSeconds: number | null;
}
export interface DemoDeal {
  id: string; title: string; companyId: string; contactId: string; stageId: string; amount: number; currency: string;
  probability: number; expectedCloseAt: number; ownerId: string; createdAt: number; updatedAt: number;
}
export interface DemoEvent {
  id: string; title: string; startsAt: number; endsAt: number; location: string | null; contactId: string;
  ownerId: string; reminderMinutes: number | null; createdAt: number; updatedAt: number;
}

export interface DemoBatch {
  employees: DemoEmployee[];
  stages: DemoStage[];
  companies: DemoCompany[];
  contacts: DemoContact[];
  companyPhones: DemoCompanyPhone[];
  phones: DemoContactPhone[];
  emails: DemoEmail[];
  interactions: DemoInteraction[];
  deals: DemoDeal[];
  events: DemoEvent[];
}

const day = 24 * 60 * 60 * 1000;
const cultures: readonly Culture[] = ['uk', 'uk', 'uk', 'uk', 'uk', 'uk', 'ru', 'ru', 'en', 'en'];
const kinds = ['call', 'call', 'call', 'call', 'email', 'email', 'meeting', 'note', 'planned'] as const;
const currencies = ['UAH', 'UAH', 'UAH', 'EUR', 'USD'] as const;

/** The generator knows each number's country, so the stored reading is written directly (no parse per row). */
function storedDemoPhone(phone: DemoPhone, position: number, updatedAt: number): DemoPhoneRow {
  const callingCode = getCountryCallingCode(phone.country as CountryCode);
  return {
    raw: phone.raw,
    e164: phone.e164,
    country: phone.e164 ? phone.country : null,
    nsn: phone.e164 ? phone.e164.slice(1 + callingCode.length) : null,
    status: phone.e164 ? 'ok' : 'invalid',
    position,
    updatedAt,
  };
}

function pad(n: number): string {
  return String(n).padStart(7, '0');
}

/**
 * The deterministic demo dataset, as batches ready to insert. The same options give the same
 * rows, ids included, so screenshots, tests and benchmarks see the same workplace.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  const random = new SeededRandom(options.seed ?? 20_261_122);
  const perContact = options.interactionsPerContact ?? 3;
  const batchSize = options.batchSize ?? 5_000;
  const { now } = options;

  const employees: DemoEmployee[] = employeeNames.map((name, i) => ({
    id: `emp-${i + 1}`,
    name,
    extension: String(101 + i),
    createdAt: now - 400 * day,
  }));
  const stages: DemoStage[] = dealStageDefinitions.map((s, i) => ({ id: `stage-${i + 1}`, position: i, ...s }));

  let contactSerial = 0;
  let companySerial = 0;
  let interactionSerial = 0;
  let dealSerial = 0;
  let eventSerial = 0;
  let first = true;

  while (contactSerial < options.contacts) {
    const batch: DemoBatch = {
      employees: first ? employees : [], stages: first ? stages : [],
      companies: [], contacts: [], companyPhones: [], phones: [], emails: [], interactions: [], deals: [], events: [],
    };
    first = false;
    const batchEnd = Math.min(options.contacts, contactSerial + batchSize);
    while (contactSerial < batchEnd) {
      const culture = random.pick(cultures);
      const pool = people[culture];
      // One in six is a retail customer with no company.
      const company: DemoCompany | null = random.chance(1 / 6)
        ? null
        : (() => {
            const word = `${random.pick(pool.companyWords)}${companySerial > 40 ? ' ' + (companySerial % 97) : ''}`;
            // Legal form before a quoted name in Ukrainian and Russian (ТОВ «Лан»), after it in English (Lan Ltd).
            const name = culture === 'en' ? `${word} ${random.pick(pool.companyForms)}` : `${random.pick(pool.companyForms)} «${word}»`;
            const created = now - random.int(30, 900) * day;
            const c: DemoCompany = {
              id: `co-${pad(++companySerial)}`, name, searchName: foldForSearch(name), city: random.pick(pool.cities),
              website: culture === 'en' ? `https://www.${toLatin(name).slice(0, 14)}.example` : null,
              responsibleId: random.pick(employees).id, createdAt: created, updatedAt: created + random.int(0, 20) * day,
            };
            batch.companies.push(c);
            // Half the companies have a switchboard number of their own (caller ID finds the company).
            if (random.chance(0.5)) {
              const phone = demoPhone(random, culture, companySerial + 8_000_000);
              batch.companyPhones.push({ id: `cph-${pad(companySerial)}`, companyId: c.id, kind: 'work', ...storedDemoPhone(phone, 0, c.updatedAt) });
            }
            return c;
          })();
      const people_ = company ? random.int(1, 6) : 1;
      for (let p = 0; p < people_ && contactSerial < batchEnd; p++) {
        contactSerial++;
        const female = random.chance(0.5);
        const firstName = random.pick(female ? pool.femaleFirst : pool.maleFirst);
        const last = random.pick(pool.last);
        const lastName = female ? last[1] : last[0];
        const middle = pool.patronymic.length > 0 ? random.pick(pool.patronymic) : null;
        const middleName = middle ? (female ? middle[1] : middle[0]) : '';
        const fullName = [lastName, firstName, middleName].filter(Boolean).join(' ');
        const id = `ct-${pad(contactSerial)}`;
        const created = (company?.createdAt ?? now - random.int(10, 700) * day) + random.int(0, 30) * day;
        const responsibleId = company?.responsibleId ?? random.pick(employees).id;
        const contact: DemoContact = {
          id, companyId: company?.id ?? null, firstName, lastName, middleName, fullName,
          searchName: foldForSearch(fullName), position: company ? random.pick(pool.positions) : null, responsibleId,
          notes: random.chance(0.2) ? random.pick(subjects[culture].note) : '', createdAt: created,
          updatedAt: Math.min(now, created + random.int(0, 200) * day),
        };
        batch.contacts.push(contact);
        const { updatedAt } = contact;

        const phone = demoPhone(random, culture, contactSerial);
        batch.phones.push({ id: `ph-${pad(contactSerial)}-1`, contactId: id, kind: phone.kind, ...storedDemoPhone(phone, 0, updatedAt) });
        if (random.chance(0.15)) {
          const second = demoPhone(random, culture, contactSerial + 5_000_000);
          batch.phones.push({ id: `ph-${pad(contactSerial)}-2`, contactId: id, kind: second.kind, ...storedDemoPhone(second, 1, updatedAt) });
        }
        if (random.chance(0.8)) {
          const domain = company ? `${toLatin(company.name).slice(0, 12) || 'firm'}.example` : 'mail.example';
          const email = `${toLatin(firstName).slice(0, 1)}.${toLatin(lastName)}${contactSerial % 100}@${domain}`;
          batch.emails.push({ id: `em-${pad(contactSerial)}`, contactId: id, email, emailNormalized: email.toLowerCase(), position: 0 });
        }

        const count = Math.max(0, Math.round(perContact * (0.3 + random.next() * 1.4)));
        for (let k = 0; k < count; k++) {
          const kind = random.pick(kinds);
          const occurredAt = kind === 'planned' ? now + random.int(1, 30) * day : now - random.int(1, 360) * day - random.int(0, 600) * 60_000;
          const isCall = kind === 'call';
          batch.interactions.push({
            id: `in-${String(++interactionSerial).padStart(8, '0')}`, kind,
            direction: isCall || kind === 'email' ? (random.chance(0.5) ? 'in' : 'out') : null, occurredAt,
            employeeId: random.chance(0.7) ? responsibleId : random.pick(employees).id, contactId: id, companyId: company?.id ?? null,
            subject: random.pick(subjects[culture][kind]), outcome: kind === 'planned' || kind === 'note' ? null : random.pick(outcomes),
            durationSeconds: isCall ? random.int(0, 900) : null,
          });
        }

        if (company && p === 0 && random.chance(0.6)) {
          const stage = random.pick(stages);
          const created = now - random.int(5, 120) * day;
          batch.deals.push({
            id: `dl-${pad(++dealSerial)}`, title: `${random.pick(subjects[culture].email)} — ${company.name}`, companyId: company.id,
            contactId: id, stageId: stage.id, amount: random.int(5, 500) * 1000, currency: random.pick(currencies),
            probability: stage.probability, expectedCloseAt: now + random.int(-10, 90) * day, ownerId: responsibleId,
            createdAt: created, updatedAt: created + random.int(0, 5) * day,
          });
        }

        if (random.chance(0.08)) {
          const startsAt = startOfHour(now + random.int(-7, 21) * day + random.int(9, 17) * 3_600_000);
          batch.events.push({
            id: `ev-${pad(++eventSerial)}`, title: `${random.pick(subjects[culture].meeting)}: ${fullName}`, startsAt,
            endsAt: startsAt + random.pick([30, 60, 90]) * 60_000, location: random.chance(0.5) ? (company?.city ?? null) : null,
            contactId: id, ownerId: responsibleId, reminderMinutes: random.chance(0.7) ? random.pick([10, 15, 30, 60]) : null,
            createdAt: now - random.int(1, 10) * day, updatedAt: now - random.int(0, 1) * day,
          });
        }
      }
    }
    yield batch;
  }
}

function startOfHour(ms: number): number {
  return ms - (ms % 3_600_000);
}
