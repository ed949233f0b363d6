import type { PhoneVerdict } from '#contract';
import { useQuery } from './client';

/** A number to read, with the country its row names (an import's country column), when there is one. */
export interface PhoneToRead {
  raw: string;
  country?: string;
}

/**
 * How each typed number reads with the working countries (or the ones given), asked of main as the
 * operator types: the form shows the reading, and the choices when there are several.
 */
export function usePhoneReadings(numbers: readonly (string | PhoneToRead)[], countries?: readonly string[]): (PhoneVerdict | undefined)[] {
  const items = numbers.map((n) => (typeof n === 'string' ? { raw: n } : { raw: n.raw, ...(n.country ? { country: n.country } : {}) }));
  const asked = items.some((item) => item.raw.trim() !== '');
  const readings = useQuery('phones.read', { items, ...(countries ? { countries: [...countries] } : {}) }, asked);
  const data = readings.data;
  return items.map((item, i) => (item.raw.trim() === '' || !data || data.length !== items.length ? undefined : data[i]));
}
