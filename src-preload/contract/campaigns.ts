import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/**
 * Outbound campaigns: who is called, by whom, in which dialing mode and under which calling rules. The
 * rules themselves are enforced by main at the moment of every dial; a campaign may only make the law's
 * profile stricter, never looser.
 */

export const campaignPurposes = ['sales', 'survey', 'debt_collection', 'informational', 'service'] as const;
export const CampaignPurposeSchema = z.enum(campaignPurposes);
export const dialingModes = ['preview', 'progressive', 'power'] as const;
export const DialingModeSchema = z.enum(dialingModes);
export const campaignStates = ['draft', 'running', 'paused', 'finished'] as const;
export const CampaignStateSchema = z.enum(campaignStates);
export type CampaignState = z.infer<typeof CampaignStateSchema>;
export const amdActions = ['off', 'hang_up', 'leave_message', 'pass_to_operator'] as const;

export const CampaignDispositionInputSchema = z.strictObject({
  id: IdSchema.optional(),
  label: z.string().trim().min(1).max(80),
  /** final: the number is done; retry: called again after retryMinutes; callback: at the time the client chose. */
  kind: z.enum(['final', 'retry', 'callback']),
  success: z.boolean().default(false),
  /** The client asked never to be called again: the person becomes do-not-call with it. */
  optOut: z.boolean().default(false),
  hotkey: z.string().regex(/^[0-9A-Za-z]$/, 'One letter or digit').nullable().default(null),
  retryMinutes: z.number().int().min(1).max(60 * 24 * 30).nullable().default(null),
});
export type CampaignDispositionInput = z.input<typeof CampaignDispositionInputSchema>;

export const CampaignInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(200),
  goal: z.string().trim().max(2000).default(''),
  purpose: CampaignPurposeSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema.nullable().default(null),
  callerNumber: z.string().trim().max(40).nullable().default(null),
  accountId: IdSchema.nullable().default(null),
  scriptId: IdSchema.nullable().default(null),
  questionnaireId: IdSchema.nullable().default(null),
  mode: DialingModeSchema,
  powerRatio: z.number().min(1).max(5).default(2),
  previewCountdownSeconds: z.number().int().min(3).max(300).nullable().default(null),
  ringTimeoutSeconds: z.number().int().min(10).max(120).default(25),
  wrapUpSeconds: z.number().int().min(0).max(600).default(30),
  /** A calling-rules profile ("RU", "UA", "UK", "US") or "by_number": the callee's country decides. */
  profile: z.string().min(2).max(20),
  /** Stricter settings than the profile (windows, caps, retry delays, abandon cap…); main checks each against the law. */
  rules: z.record(z.string(), z.unknown()).default({}),
  amdAction: z.enum(amdActions).default('off'),
  operatorIds: z.array(IdSchema).max(500).default([]),
  dispositions: z.array(CampaignDispositionInputSchema).max(40).default([]),
});
export type CampaignInput = z.input<typeof CampaignInputSchema>;

export const CampaignDispositionSchema = z.object({
  id: IdSchema,
  label: z.string(),
  kind: z.enum(['final', 'retry', 'callback']),
  success: z.boolean(),
  optOut: z.boolean(),
  hotkey: z.string().nullable(),
  retryMinutes: z.number().nullable(),
});
export type CampaignDisposition = z.infer<typeof CampaignDispositionSchema>;

export const CampaignSchema = z.object({
  id: IdSchema,
  name: z.string(),
  goal: z.string(),
  purpose: CampaignPurposeSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema.nullable(),
  callerNumber: z.string().nullable(),
  accountId: IdSchema.nullable(),
  scriptId: IdSchema.nullable(),
  questionnaireId: IdSchema.nullable(),
  mode: DialingModeSchema,
  powerRatio: z.number(),
  previewCountdownSeconds: z.number().nullable(),
  ringTimeoutSeconds: z.number(),
  wrapUpSeconds: z.number(),
  profile: z.string(),
  rules: z.record(z.string(), z.unknown()),
  amdAction: z.enum(amdActions),
  state: CampaignStateSchema,
  operatorIds: z.array(IdSchema),
  dispositions: z.array(CampaignDispositionSchema),
  /** The recorded messages it plays (file names; the audio stays in main). */
  messages: z.object({ abandon: z.string().nullable(), machine: z.string().nullable() }),
  updatedAt: TimestampSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  purpose: CampaignPurposeSchema,
  mode: DialingModeSchema,
  state: CampaignStateSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema.nullable(),
  /** Numbers in the list, still to call (waiting or being dialed), done, and taken off by a rule. */
  entries: z.object({ total: z.number(), remaining: z.number(), done: z.number(), excluded: z.number() }),
});
export type CampaignSummary = z.infer<typeof CampaignSummarySchema>;

/** How the list is split among the campaign's operators. */
export const CampaignSplitSchema = z.enum(['even', 'responsible', 'time_zone']);

const ok = z.object({ ok: z.literal(true) });

export const campaignMessageKinds = ['abandon', 'machine'] as const;

/** Figures a supervisor watches while a campaign runs. */
export const CampaignBoardSchema = z.object({
  campaignId: IdSchema,
  state: CampaignStateSchema,
  entries: z.object({ total: z.number(), remaining: z.number(), done: z.number(), excluded: z.number() }),
  /** Attempts placed; answered by a person; disposed of as a success. */
  dialed: z.number(),
  reached: z.number(),
  successful: z.number(),
  dispositions: z.array(z.object({ id: IdSchema, label: z.string(), count: z.number() })),
  /** Over the profile's period (e.g. 30 days), against the campaign's cap. */
  abandon: z.object({ abandoned: z.number(), live: z.number(), rate: z.number(), cap: z.number(), periodHours: z.number() }),
  operators: z.array(
    z.object({
      employeeId: IdSchema,
      name: z.string(),
      /** From the operator's last state record (null: has not worked the campaign). */
      state: z.string().nullable(),
      reason: z.string().nullable(),
      since: TimestampSchema.nullable(),
      dialed: z.number(),
      reached: z.number(),
      successful: z.number(),
      remaining: z.number(),
    }),
  ),
});
export type CampaignBoard = z.infer<typeof CampaignBoardSchema>;

export const campaignMethods = {
  'campaigns.list': { input: z.strictObject({}), output: z.array(CampaignSummarySchema) },
  'campaigns.get': { input: z.strictObject({ id: IdSchema }), output: CampaignSchema },
  /** Creates or saves; a rule looser than the profile is refused with the field and the limit it would break. */
  'campaigns.save': { input: CampaignInputSchema, output: CampaignSchema },
  /** A tombstone: attempts and their audit stay. */
  'campaigns.delete': { input: z.strictObject({ id: IdSchema }), output: ok },
  /**
   * Adds people to the list, each with their first number that reads as one (a segment's members, or
   * contacts by id), split among the campaign's operators; people already in the list are not added twice.
   */
  'campaigns.addContacts': {
    input: z.strictObject({ campaignId: IdSchema, segmentId: IdSchema.optional(), contactIds: z.array(IdSchema).max(100_000).optional(), split: CampaignSplitSchema.default('even') }),
    output: z.object({ added: z.number(), alreadyThere: z.number(), withoutNumber: z.number() }),
  },
  'campaigns.setState': { input: z.strictObject({ id: IdSchema, state: CampaignStateSchema }), output: CampaignSchema },
  /**
   * What the law's profile allows for each rule a campaign may tighten, per profile that may apply (one, or every
   * profile when dialing by number), keyed by the rule's path (`attemptCaps.day`, `window.weekdays`…).
   */
  'campaigns.ruleLimits': {
    input: z.strictObject({ purpose: CampaignPurposeSchema, profile: z.string().min(2).max(20) }),
    output: z.array(z.object({ profile: z.string(), version: z.string(), limits: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])) })),
  },
  'campaigns.board': { input: z.strictObject({ id: IdSchema }), output: CampaignBoardSchema },
  /** Splits the numbers still waiting among the campaign's operators again (numbers being dialed stay where they are). */
  'campaigns.rebalance': { input: z.strictObject({ id: IdSchema, split: CampaignSplitSchema }), output: z.object({ moved: z.number() }) },
  /** A recorded message from an uploaded audio file (files.upload), replacing the one of its kind. */
  'campaigns.setMessage': { input: z.strictObject({ campaignId: IdSchema, kind: z.enum(campaignMessageKinds), uploadId: IdSchema, fileName: z.string().min(1).max(200) }), output: CampaignSchema },
  'campaigns.removeMessage': { input: z.strictObject({ campaignId: IdSchema, kind: z.enum(campaignMessageKinds) }), output: CampaignSchema },
};
