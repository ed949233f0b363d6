import { z } from 'zod';
import { dialModeSchema, HISTORY_MS, PURPOSES, purposeSchema, retryOutcomeSchema, type Purpose } from './vocabulary';

/**
 * A jurisdiction profile as a data file: the calling rules of one country, each with the act it comes
 * from. Validated whole at load, so a broken file is refused with the field at fault, never half applied.
 */

const basisSchema = z.enum(['statute', 'regulation', 'regulator_policy', 'business_practice']);

const sourceSchema = z
  .object({
    basis: basisSchema,
    act: z.string().min(1),
    article: z.string().min(1).optional(),
    url: z.url().optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.basis !== 'business_practice' || s.note !== undefined, {
    message: 'a rule taken from business practice says why in a note (no statute fixes it)',
    path: ['note'],
  });

/** "HH:mm" local time; "24:00" closes a window at midnight. */
export const clockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a local time as HH:mm (00:00 to 24:00)');

export const spanSchema = z
  .object({ from: clockTimeSchema, to: clockTimeSchema })
  .strict()
  .refine((s) => s.from < s.to, { message: 'a window opens before it closes', path: ['to'] });
export type SpanText = z.infer<typeof spanSchema>;

const purposesSchema = z.union([z.literal('all'), z.array(purposeSchema).min(1)]);

const ruleBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'a rule id in lower case: letters, digits, dots and dashes'),
  purposes: purposesSchema,
  sources: z.array(sourceSchema).min(1),
};

export const positiveIntSchema = z.number().int().positive();
/** Delays reach no further back than the attempt history the dialer hands over. */
export const delayMinutesSchema = positiveIntSchema.max(HISTORY_MS / 60_000, 'at most 31 days: the attempt history reaches no further back');
export const redialHoursSchema = positiveIntSchema.max(HISTORY_MS / 3_600_000, 'at most 31 days: the attempt history reaches no further back');

const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ ...ruleBase, kind: z.literal('consent') }).strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal('dnc_registry'),
      list: z.string().min(1),
      maxAgeDays: positiveIntSchema,
      waivedByConsent: z.boolean(),
    })
    .strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal('window'),
      weekdays: spanSchema.nullable(),
      weekends: spanSchema.nullable(),
      holidaysAsWeekend: z.boolean(),
      weekendDays: z.array(z.number().int().min(0).max(6)).default([0, 6]),
    })
    .strict(),
  z
    .object({ ...ruleBase, kind: z.literal('attempt_caps'), day: positiveIntSchema.optional(), week: positiveIntSchema.optional(), month: positiveIntSchema.optional(), lifetime: positiveIntSchema.optional() })
    .strict(),
  z.object({ ...ruleBase, kind: z.literal('contact_caps'), day: positiveIntSchema.optional(), week: positiveIntSchema.optional(), month: positiveIntSchema.optional() }).strict(),
  z.object({ ...ruleBase, kind: z.literal('retry_delays'), minutes: z.partialRecord(retryOutcomeSchema, delayMinutesSchema) }).strict(),
  z.object({ ...ruleBase, kind: z.literal('abandon_cap'), maxRate: z.number().gt(0).lt(1), periodHours: positiveIntSchema }).strict(),
  z.object({ ...ruleBase, kind: z.literal('abandon_redial'), hours: redialHoursSchema }).strict(),
  z.object({ ...ruleBase, kind: z.literal('mode_bar'), modes: z.array(dialModeSchema).min(1) }).strict(),
  z
    .object({
      ...ruleBase,
      kind: z.literal('call_handling'),
      operatorWithinMs: positiveIntSchema.optional(),
      abandonMessage: z.boolean().optional(),
      minRingSeconds: positiveIntSchema.optional(),
    })
    .strict(),
]);
export type ProfileRule = z.infer<typeof ruleSchema>;
export type RuleKind = ProfileRule['kind'];

/** Kinds every purpose must have exactly one of: no purpose is dialed without a window and an abandon cap. */
const REQUIRED_KINDS: readonly RuleKind[] = ['window', 'abandon_cap'];
/** Kinds a purpose may have several of (one rule per national list). */
const REPEATABLE_KINDS: readonly RuleKind[] = ['dnc_registry'];

export function rulePurposes(rule: ProfileRule): readonly Purpose[] {
  return rule.purposes === 'all' ? PURPOSES : rule.purposes;
}

export const profileSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{2,8}$/, 'a profile id in capitals (US, UK, RU…)'),
    version: z.string().min(1),
    name: z.string().min(1),
    /** ISO 3166 countries whose numbers take this profile when a campaign says "by number". */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code')).min(1),
    rules: z.array(ruleSchema).min(1),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const ids = new Set<string>();
    profile.rules.forEach((rule, index) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `rule id ${rule.id} appears twice` });
      ids.add(rule.id);
    });
    for (const purpose of PURPOSES) {
      const counts = new Map<RuleKind, number>();
      profile.rules.forEach((rule, index) => {
        if (!rulePurposes(rule).includes(purpose)) return;
        const count = (counts.get(rule.kind) ?? 0) + 1;
        counts.set(rule.kind, count);
        if (count > 1 && !REPEATABLE_KINDS.includes(rule.kind)) {
          ctx.addIssue({ code: 'custom', path: ['rules', index, 'purposes'], message: `a second ${rule.kind} rule for ${purpose}: one rule of a kind per purpose` });
        }
      });
      for (const kind of REQUIRED_KINDS) {
        if (!counts.has(kind)) ctx.addIssue({ code: 'custom', path: ['rules'], message: `no ${kind} rule for ${purpose}: every purpose needs one` });
      }
    }
  });
export type Profile = z.infer<typeof profileSchema>;
