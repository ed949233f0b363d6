import { z } from 'zod';

/** Why a campaign calls: rules apply by purpose (advertising needs consent where debt collection has contact caps). */
export const PURPOSES = ['sales', 'survey', 'debt_collection', 'informational', 'service'] as const;
export const purposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof purposeSchema>;

/** How the attempt is placed; a profile may bar a mode for a purpose (38-FZ: no power dialing for advertising). */
export const DIAL_MODES = ['preview', 'progressive', 'power'] as const;
export const dialModeSchema = z.enum(DIAL_MODES);
export type DialMode = z.infer<typeof dialModeSchema>;

/** Outcomes after which a retry waits; `reached` is a conversation (the contact caps of 230-FZ count these). */
export const RETRY_OUTCOMES = ['busy', 'no_answer', 'failed', 'machine', 'abandoned', 'reached'] as const;
export const retryOutcomeSchema = z.enum(RETRY_OUTCOMES);
export type RetryOutcome = z.infer<typeof retryOutcomeSchema>;

/** An attempt's outcome as the dialer stores it; `pending` is an attempt still ringing or talking. */
export type AttemptOutcome = RetryOutcome | 'pending';

/**
 * Which rule refused an attempt: a stable code the window translates (params carry the figures).
 * Adding one breaks every exhaustive switch over it, so the translations cannot fall behind.
 */
export const RULE_CODES = [
  'attempt_in_progress',
  'dnc_contact',
  'dnc_company',
  'dnc_global',
  'dnc_campaign',
  'dnc_list',
  'dnc_unchecked',
  'consent',
  'no_profile',
  'callee_zone',
  'mode_barred',
  'lifetime_cap',
  'abandon_cap',
  'abandon_redial',
  'retry_delay',
  'attempt_cap',
  'contact_cap',
  'calling_window',
] as const;
export const ruleCodeSchema = z.enum(RULE_CODES);
export type RuleCode = z.infer<typeof ruleCodeSchema>;

/** Rules whose refusal passes by itself with time: they come with `notBefore`. */
export const TIME_RULES: ReadonlySet<RuleCode> = new Set(['abandon_redial', 'retry_delay', 'attempt_cap', 'contact_cap', 'calling_window']);

/** The do-not-call lists the engine always requires, whatever the profile: ours and the campaign's. */
export const GLOBAL_DNC_LIST = 'global';
export const CAMPAIGN_DNC_LIST = 'campaign';

/**
 * Rolling periods the caps count over. A cap held over every rolling 24 hours, 7 days and 31 days also
 * holds over every calendar day (but a 25-hour DST day), week and month: the stricter reading of "per day".
 */
export const CAP_PERIODS = ['day', 'week', 'month'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];
export const CAP_PERIOD_MS: Readonly<Record<CapPeriod, number>> = { day: 86_400_000, week: 7 * 86_400_000, month: 31 * 86_400_000 };

/** How far back the facts' attempt list must reach: the longest cap period (and the longest retry delay allowed). */
export const HISTORY_MS = CAP_PERIOD_MS.month;
