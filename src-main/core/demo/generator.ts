import type { Language } from '#contract';
import { foldForSearch } from '#core/shared/text';
import { addMeeting, clientHistory, unknownCaller } from './activity';
import { addComplaint, addDeal } from './cases';
import { newCompany, pickCity } from './companies';
import { pad, stored, type DemoClient, type DemoContext } from './context';
import { OfficeHours } from './office-hours';
import { demoPhone, phoneSerials } from './phones';
import { clientCountries, countries, officeUtcOffsetHours, type Culture, type DemoCountry } from './places';
import { SeededRandom } from './random';
import { emptyBatch, type DemoBatch, type DemoTeam } from './rows';
import { dealStages, texts } from './texts';
import { people, toLatin } from './vocabulary';

export type { DemoBatch } from './rows';

export interface DemoOptions {
  /** Number of contacts; companies, interactions, deals and complaints scale with it. */
  contacts: number;
  /** The moment the data is generated "around": history before it, plans after it. */
  now: number;
  /** Names, numbers and texts: a Ukrainian, Russian or English-speaking office (see language.ts); Ukrainian by default. */
  language?: Language | undefined;
  seed?: number;
  /** Average interactions per contact (the million-contact benchmark uses fewer). */
  interactionsPerContact?: number;
  /** Contacts per batch; each batch is a coherent slice (companies with all their people and history). */
  batchSize?: number;
}

/**
 * The deterministic demo dataset, as batches ready to insert: a call centre's clients (companies whose
 * city, country and numbers agree, their people, retail customers) with months of history and a busy
 * last week: calls with numbers and results, missed calls, e-mails, meetings, notes, deals at every
 * stage, complaints in every state, and contacts and meetings planned for the coming days.
 * The same options give the same rows, ids included, so screenshots, tests and benchmarks see the same workplace.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  const language = options.language ?? 'uk';
  const random = new SeededRandom(options.seed ?? 20_261_122);
  const perContact = options.interactionsPerContact ?? 3;
  const batchSize = options.batchSize ?? 5_000;
  const office = new OfficeHours(options.now, officeUtcOffsetHours[language] * 3_600_000);
  const text = texts[language];
  const clientsFrom = clientCountries[language].map((code) => countries[code]);
  const home = clientsFrom[0] as DemoCountry;

  const figures = new SeededRandom((options.seed ?? 20_261_122) + 1);
  const teams = text.teams.map((name, i) => {
    const createdAt = office.before(figures, figures.int(300, 400));
    return { id: `team-${i + 1}`, name, createdAt, updatedAt: createdAt };
  });
  const ctx: DemoContext = {
    language, random, figures, office, text, home, teams,
    employees: text.employees.map((name, i) => ({
      id: `emp-${i + 1}`, name, extension: String(101 + i), teamId: (teams[i % teams.length] as DemoTeam).id, createdAt: office.before(random, random.int(400, 700)),
    })),
    stages: dealStages.map((s, i) => ({ id: `stage-${i + 1}`, name: text.stageNames[s.key], position: i, ...s })),
    causes: text.complaints.causes.map((name, i) => ({ id: `cause-${i + 1}`, name, position: i })),
    batch: emptyBatch(),
    serials: { interaction: 0, deal: 0, complaint: 0, event: 0, unknownCaller: 0 },
  };
  const companiesOf: Record<Culture, number> = { uk: 0, ru: 0, pl: 0, de: 0, en: 0 };
  let contactSerial = 0;
  let companySerial = 0;
  let first = true;

  while (contactSerial < options.contacts) {
    const batch = emptyBatch();
    ctx.batch = batch;
    if (first) Object.assign(batch, { teams: ctx.teams, employees: ctx.employees, stages: ctx.stages, causes: ctx.causes });
    first = false;
    const batchEnd = Math.min(options.contacts, contactSerial + batchSize);
    while (contactSerial < batchEnd) {
      const country = random.pick(clientsFrom);
      const pool = people[country.culture];
      // One in six is a retail customer with no company.
      const made = random.chance(1 / 6) ? null : newCompany(ctx, country, ++companySerial, companiesOf[country.culture]++);
      const company = made?.company ?? null;
      const staff = company ? random.int(1, 6) : 1;
      for (let p = 0; p < staff && contactSerial < batchEnd; p++) {
        contactSerial++;
        const female = random.chance(0.5);
        const firstName = random.pick(female ? pool.femaleFirst : pool.maleFirst);
        const last = random.pick(pool.last);
        const lastName = female ? last[1] : last[0];
        const middle = pool.patronymic.length > 0 ? random.pick(pool.patronymic) : null;
        const middleName = middle ? (female ? middle[1] : middle[0]) : '';
        // "Last First Middle" where patronymics are used, "First Last" elsewhere: as each culture writes its names.
        const fullName = middle ? `${lastName} ${firstName} ${middleName}` : `${firstName} ${lastName}`;
        const id = `ct-${pad(contactSerial)}`;
        const city = company ? null : pickCity(ctx, country);
        const createdDay = random.int(3, made ? made.createdDay - 1 : 700);
        const responsibleId = company?.responsibleId ?? random.pick(ctx.employees).id;
        const contactUpdated = office.before(random, random.chance(0.3) ? random.int(0, Math.min(4, createdDay - 1)) : random.int(0, createdDay - 1));
        batch.contacts.push({
          id, companyId: company?.id ?? null, firstName, lastName, middleName, fullName, searchName: foldForSearch(fullName),
          position: company ? random.pick(text.positions) : null, city: city?.name[language] ?? null, responsibleId,
          notes: random.chance(0.2) ? random.pick(text.contactNotes) : '', createdAt: office.before(random, createdDay), updatedAt: contactUpdated,
        });

        // People at a company have its city's landline or a mobile; retail customers mostly a mobile.
        const landline = made ? (random.chance(0.4) ? made.city.area : null) : random.chance(0.15) ? (city?.area ?? null) : null;
        const phone = demoPhone(random, country, contactSerial, landline);
        batch.phones.push({ id: `ph-${pad(contactSerial)}-1`, contactId: id, kind: phone.kind, ...stored(phone, 0, contactUpdated) });
        if (random.chance(0.15)) {
          const second = demoPhone(random, country, contactSerial + phoneSerials.secondPhone, null);
          batch.phones.push({ id: `ph-${pad(contactSerial)}-2`, contactId: id, kind: second.kind, ...stored(second, 1, contactUpdated) });
        }
        if (random.chance(0.8)) {
          const domain = made ? `${made.domain}.example` : 'mail.example';
          const email = `${toLatin(firstName).slice(0, 1)}.${toLatin(lastName)}${contactSerial % 100}@${domain}`;
          batch.emails.push({ id: `em-${pad(contactSerial)}`, contactId: id, email, emailNormalized: email.toLowerCase(), position: 0 });
        }

        const client: DemoClient = { contactId: id, companyId: company?.id ?? null, fullName, responsibleId, phone, place: company?.address ?? city?.name[language] ?? null };
        clientHistory(ctx, client, Math.max(0, Math.round(perContact * (0.3 + random.next() * 1.4))));
        if (company && p === 0 && random.chance(0.6)) addDeal(ctx, { ...client, companyId: company.id }, dealCurrency(random, country));
        if (random.chance(0.02)) addComplaint(ctx, client);
        if (random.chance(0.08)) addMeeting(ctx, client);
        if (contactSerial % 150 === 0) unknownCaller(ctx);
      }
    }
    yield batch;
  }
}

/** Ukrainian clients pay in hryvnias mostly, sometimes in euros or dollars; others in their own money. */
function dealCurrency(random: SeededRandom, country: DemoCountry): string {
  if (country.code !== 'UA') return country.currency;
  return random.pick(['UAH', 'UAH', 'UAH', 'UAH', 'EUR', 'USD']);
}
