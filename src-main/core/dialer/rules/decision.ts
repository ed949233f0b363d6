import { z } from 'zod';
import { dialModeSchema, purposeSchema, ruleCodeSchema } from './vocabulary';

/**
 * What decide() answers, as zod schemas because the answers are stored (one JSON record per attempt)
 * and read back for the audit log: the types are inferred from them, never written twice.
 */

const profileRefSchema = z.object({ id: z.string(), version: z.string() });

export const dayTypeSchema = z.enum(['weekday', 'weekend', 'holiday']);
export type DayType = z.infer<typeof dayTypeSchema>;

/** The callee's wall clock in one zone, and the window that applied to it. */
const localReadingSchema = z.object({
  zone: z.string(),
  /** Local date and time, "YYYY-MM-DDTHH:mm". */
  at: z.string(),
  day: dayTypeSchema,
  /** "HH:mm-HH:mm". */
  window: z.string(),
});

/** The compact "allowed because" record stored with every attempt. */
export const becauseSchema = z.object({
  at: z.number(),
  profile: profileRefSchema,
  purpose: purposeSchema,
  mode: dialModeSchema,
  callee: z.object({
    /** Where the zones came from: the contact's own zone, or the number's range. */
    zoneSource: z.enum(['contact', 'number']),
    zones: z.array(z.string()).min(1),
    /** One reading per distinct local clock: with several zones the window held in every one of them. */
    local: z.array(localReadingSchema).min(1),
  }),
  /** Every do-not-call list checked (the number was on none), and when. */
  dnc: z.array(z.object({ list: z.string(), checkedAt: z.number() })),
  consent: z.object({ source: z.string(), givenAt: z.number() }).nullable(),
  counts: z.object({
    attempts: z.object({ day: z.number(), week: z.number(), month: z.number(), lifetime: z.number() }),
    contacts: z.object({ day: z.number(), week: z.number(), month: z.number() }),
  }),
  /** The caps in force, e.g. { "contacts.day": 1 }. */
  caps: z.record(z.string(), z.number()),
  abandon: z.object({ abandoned: z.number(), live: z.number(), rate: z.number(), cap: z.number(), budgetLeft: z.number() }),
});
export type Because = z.infer<typeof becauseSchema>;

const allowedSchema = z.object({ allowed: z.literal(true), because: becauseSchema });

export const refusalSchema = z.object({
  allowed: z.literal(false),
  at: z.number(),
  rule: ruleCodeSchema,
  /** English, for logs and the audit file; the window words the rule code and params instead. */
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The profile rule that refused, "campaign" when the campaign's stricter setting did, "engine" for the engine's own checks. */
  ref: z.string(),
  profile: profileRefSchema.nullable(),
  /** Epoch ms: the earliest time every time-bound rule passes; only when the refusal is about time alone. */
  notBefore: z.number().optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

export const decisionSchema = z.discriminatedUnion('allowed', [allowedSchema, refusalSchema]);
export type Decision = z.infer<typeof decisionSchema>;
