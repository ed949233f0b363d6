import { z } from 'zod';

/** Record ids are opaque strings (UUIDs in production, readable sequences in demo data). */
export const IdSchema = z.string().min(1).max(64);

/** Milliseconds since the Unix epoch. */
export const TimestampSchema = z.number().int().nonnegative();

export const LanguageSchema = z.enum(['uk', 'ru', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const PageRequestSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const SortDirectionSchema = z.enum(['asc', 'desc']);

/** ISO 3166-1 alpha-2, upper case, e.g. `UA`. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as UA');

export const EmptyInputSchema = z.strictObject({});
