import type { SeededRandom } from './random';
import type { Culture } from './vocabulary';

export interface DemoPhone {
  /** As an operator would have typed it. */
  raw: string;
  /** What it normalises to; null for the few deliberately unreadable entries. */
  e164: string | null;
  /** The country to assume when reading `raw` without a country code. */
  country: string;
  kind: 'mobile' | 'work';
}

const uaMobile = ['50', '66', '95', '99', '67', '68', '96', '97', '98', '63', '73', '93'];
const uaLandline = ['44', '32', '48', '57', '56', '432', '532'];
const ruMobile = ['916', '903', '926', '985'];
const ruLandline = ['495', '812', '843'];

/** Splits digits into groups: group('1234567', [3, 2, 2]) → ['123', '45', '67']. */
function groups(digits: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out;
}

/**
 * The subscriber part is derived from `serial` through a bijection on 0…10^7-1,
 * so a million contacts get a million distinct numbers (caller ID must find exactly one).
 */
export function demoPhone(random: SeededRandom, culture: Culture, serial: number): DemoPhone {
  const subscriber = String((serial * 7_919 + 1_234_567) % 10_000_000).padStart(7, '0');
  if (culture === 'uk') return ukrainianPhone(random, subscriber);
  if (culture === 'ru') return russianPhone(random, subscriber);
  return internationalPhone(random, subscriber);
}

function ukrainianPhone(random: SeededRandom, subscriber: string): DemoPhone {
  const mobile = random.chance(0.7);
  const area = mobile ? random.pick(uaMobile) : random.pick(uaLandline);
  const local = subscriber.slice(0, 9 - area.length);
  const e164 = `+380${area}${local}`;
  const [a, b, c] = groups(local, local.length === 7 ? [3, 2, 2] : [2, 2, 2]);
  const formats = [
    `+380 ${area} ${a} ${b} ${c}`,
    `0${area}-${a}-${b}-${c}`,
    `(0${area}) ${a} ${b}${c}`,
    `0${area}${local}`,
    `+380${area}${local}`,
    `380 (${area}) ${a}-${b}-${c}`,
    `0 ${area} ${a} ${b} ${c}`,
  ];
  return { raw: random.pick(formats), e164, country: 'UA', kind: mobile ? 'mobile' : 'work' };
}

function russianPhone(random: SeededRandom, subscriber: string): DemoPhone {
  const mobile = random.chance(0.6);
  const area = mobile ? random.pick(ruMobile) : random.pick(ruLandline);
  const [a, b, c] = groups(subscriber, [3, 2, 2]);
  const formats = [`+7 (${area}) ${a}-${b}-${c}`, `8 ${area} ${a}-${b}-${c}`, `+7 ${area} ${subscriber}`, `8(${area})${subscriber}`];
  return { raw: random.pick(formats), e164: `+7${area}${subscriber}`, country: 'RU', kind: mobile ? 'mobile' : 'work' };
}

function internationalPhone(random: SeededRandom, subscriber: string): DemoPhone {
  switch (random.int(0, 3)) {
    case 0: {
      // London's 020 7… and 020 8… ranges are allocated (libphonenumber calls the rest invalid).
      const local = `${random.chance(0.5) ? '7' : '8'}${subscriber}`;
      return { raw: `+44 20 ${local.slice(0, 4)} ${local.slice(4)}`, e164: `+4420${local}`, country: 'GB', kind: 'work' };
    }
    case 1: {
      const line = subscriber.slice(3);
      return { raw: `+1 (212) 555-${line}`, e164: `+1212555${line}`, country: 'US', kind: 'work' };
    }
    case 2:
      return { raw: `+48 22 ${subscriber.slice(0, 3)} ${subscriber.slice(3, 5)} ${subscriber.slice(5)}`, e164: `+4822${subscriber}`, country: 'PL', kind: 'work' };
    default:
      return { raw: `+49 30 ${subscriber}`, e164: `+4930${subscriber}`, country: 'DE', kind: 'work' };
  }
}
