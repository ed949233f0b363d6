import { foldForSearch } from '#core/shared/text';
import { pad, stored, type DemoContext } from './context';
import { demoPhone, phoneSerials } from './phones';
import type { DemoCity, DemoCountry } from './places';
import type { DemoCompany } from './rows';
import { people, toLatin } from './vocabulary';

/** Company names are unique: each culture's root × trade pairs are dealt out in a scrambled order (a step coprime to their count), then numbered. */
const nameStep = 367;

export interface NewCompany {
  company: DemoCompany;
  city: DemoCity;
  /** How many working days ago it became a client (its people came later). */
  createdDay: number;
  /** Its name in Latin letters, for its web site and its people's e-mail addresses. */
  domain: string;
}

/** The capital more often than any other city, as client lists are. */
export function pickCity(ctx: DemoContext, country: DemoCountry): DemoCity {
  return (ctx.random.chance(0.35) ? country.cities[0] : ctx.random.pick(country.cities)) as DemoCity;
}

/** A company in a city of its country, with a unique name, an address there and often a switchboard number in the city's area. */
export function newCompany(ctx: DemoContext, country: DemoCountry, serial: number, ofCulture: number): NewCompany {
  const { random, office, text, batch, language } = ctx;
  const pool = people[country.culture];
  const pairs = pool.companyRoots.length * pool.companyTrades.length;
  const scrambled = (ofCulture % pairs) * nameStep % pairs;
  const round = Math.floor(ofCulture / pairs);
  const core = `${pool.companyRoots[scrambled % pool.companyRoots.length]} ${pool.companyTrades[Math.floor(scrambled / pool.companyRoots.length)]}${round > 0 ? ` ${round + 1}` : ''}`;
  const form = random.pick(country.legalForms);
  const name = country.legalFormFirst ? `${form} «${core}»` : `${core} ${form}`;
  const city = pickCity(ctx, country);
  const createdDay = random.int(20, 700);
  const createdAt = office.before(random, createdDay);
  const domain = toLatin(core).slice(0, 20);
  const c: DemoCompany = {
    id: `co-${pad(serial)}`, name, searchName: foldForSearch(name), city: city.name[language],
    address: `${country.streetLine(random.pick(country.streets), random.int(1, 120))}, ${city.name[language]}, ${country.name[language]}`,
    website: random.chance(0.6) ? `https://www.${domain}.example` : null,
    notes: random.chance(0.15) ? random.pick(text.companyNotes) : '',
    responsibleId: random.pick(ctx.employees).id, createdAt, updatedAt: office.before(random, random.int(0, createdDay - 1)),
  };
  batch.companies.push(c);
  if (random.chance(0.5)) {
    const phone = demoPhone(random, country, serial + phoneSerials.companyPhone, city.area);
    batch.companyPhones.push({ id: `cph-${pad(serial)}`, companyId: c.id, kind: 'work', ...stored(phone, 0, c.updatedAt) });
  }
  return { company: c, city, createdDay, domain };
}
