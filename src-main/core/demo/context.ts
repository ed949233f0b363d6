import type { Language } from '#contract';
import type { OfficeHours } from './office-hours';
import type { DemoPhone } from './phones';
import type { DemoCountry } from './places';
import type { SeededRandom } from './random';
import type { DemoBatch, DemoCause, DemoEmployee, DemoPhoneRow, DemoStage, DemoTeam } from './rows';
import type { OfficeTexts } from './texts';

/** What every part of the generator shares: the seeded randomness, the office's hours and texts, its people, the batch being filled. */
export interface DemoContext {
  language: Language;
  random: SeededRandom;
  /**
   * Draws for what came later (teams, calls' hold and wrap-up times), apart from `random` so that adding
   * them left the rest of the dataset as it was.
   */
  figures: SeededRandom;
  office: OfficeHours;
  text: OfficeTexts;
  teams: readonly DemoTeam[];
  employees: readonly DemoEmployee[];
  stages: readonly DemoStage[];
  causes: readonly DemoCause[];
  /** The country most clients are in (unknown callers ring from there). */
  home: DemoCountry;
  batch: DemoBatch;
  /** Running numbers for ids (and complaint numbers), across batches. */
  serials: { interaction: number; deal: number; complaint: number; event: number; unknownCaller: number };
}

/** The person the history is about. */
export interface DemoClient {
  contactId: string;
  companyId: string | null;
  fullName: string;
  responsibleId: string;
  phone: DemoPhone;
  /** Where to meet them: the company's address, or the person's city. */
  place: string | null;
}

export function pad(n: number, width = 7): string {
  return String(n).padStart(width, '0');
}

/** Someone from the office: mostly the client's responsible colleague, sometimes whoever was free. */
export function colleagueFor(ctx: DemoContext, responsibleId: string): string {
  return ctx.random.chance(0.7) ? responsibleId : ctx.random.pick(ctx.employees).id;
}

/** The stored form of a generated number (no parse per row: the generator knows its reading). */
export function stored(phone: DemoPhone, position: number, updatedAt: number): DemoPhoneRow {
  return { raw: phone.raw, e164: phone.e164, country: phone.country, nsn: phone.nsn, status: 'ok', position, updatedAt };
}
