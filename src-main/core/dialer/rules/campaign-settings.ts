import { z } from 'zod';
import { delayMinutesSchema, positiveIntSchema, redialHoursSchema, spanSchema } from './profile-schema';
import { dialModeSchema, retryOutcomeSchema } from './vocabulary';

/**
 * What a supervisor may set on a campaign's rules. Every field only tightens the profile: a setting
 * that would loosen it is refused with the field and the limit it breaks (see effective-policy.ts).
 */
export const campaignRuleSettingsSchema = z
  .object({
    /** Narrower calling windows per day type; null: no calls on those days. */
    window: z.object({ weekdays: spanSchema.nullable(), weekends: spanSchema.nullable() }).partial().strict(),
    holidaysAsWeekend: z.boolean(),
    attemptCaps: z.object({ day: positiveIntSchema, week: positiveIntSchema, month: positiveIntSchema, lifetime: positiveIntSchema }).partial().strict(),
    contactCaps: z.object({ day: positiveIntSchema, week: positiveIntSchema, month: positiveIntSchema }).partial().strict(),
    retryDelayMinutes: z.partialRecord(retryOutcomeSchema, delayMinutesSchema),
    /** Abandoned share of live-answered calls over the profile's period; 0 keeps power mode from ever abandoning. */
    abandonRate: z.number().min(0).lt(1),
    abandonRedialHours: redialHoursSchema,
    requireConsent: z.boolean(),
    /** The campaign's own do-not-call lists (ids the dialer checks the number against), on top of the global and campaign lists. */
    dncLists: z.array(z.string().min(1)),
    barredModes: z.array(dialModeSchema),
    operatorWithinMs: positiveIntSchema,
    abandonMessage: z.boolean(),
    minRingSeconds: positiveIntSchema,
  })
  .partial()
  .strict();
export type CampaignRuleSettings = z.infer<typeof campaignRuleSettingsSchema>;
