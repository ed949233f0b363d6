import dayjs from 'dayjs';
import { CampaignSplitSchema, type Campaign, type CampaignDisposition, type CampaignInput } from '#contract';

/** The wall-clock format of the date-time fields (local time, as @mantine/dates hands it over). */
const wallClock = 'YYYY-MM-DD HH:mm:ss';

export type DispositionKind = CampaignDisposition['kind'];

export interface DispositionDraft {
  /** Absent on a disposition added in this form. */
  id?: string;
  label: string;
  kind: DispositionKind;
  success: boolean;
  optOut: boolean;
  /** '' for none. */
  hotkey: string;
  retryMinutes: number | null;
}

/** A campaign's stricter calling rules as main stores them (see campaignRuleSettingsSchema): nested objects by field. */
export type RuleSettings = Record<string, unknown>;

/** The campaign editor's state: the campaign's fields with dates as the date-time fields hold them. */
export interface CampaignDraft {
  name: string;
  goal: string;
  purpose: Campaign['purpose'];
  startsAt: string;
  endsAt: string | null;
  callerNumber: string;
  accountId: string | null;
  scriptId: string | null;
  questionnaireId: string | null;
  mode: Campaign['mode'];
  powerRatio: number;
  previewCountdownSeconds: number | null;
  ringTimeoutSeconds: number;
  wrapUpSeconds: number;
  profile: string;
  rules: RuleSettings;
  amdAction: Campaign['amdAction'];
  operatorIds: string[];
  dispositions: DispositionDraft[];
}

/** What each part of the campaign editor is given. */
export interface CampaignFieldsProps {
  draft: CampaignDraft;
  onChange: (patch: Partial<CampaignDraft>) => void;
  /** Refusals by field path ("rules.attemptCaps.day"). */
  errors: Record<string, string>;
}

/** How a campaign's list is split among its operators. */
export const campaignSplits = CampaignSplitSchema.options;
export type CampaignSplit = (typeof campaignSplits)[number];

/** The calling-rules profiles a campaign may name; `by_number` lets each callee's country decide. */
export const campaignProfiles = ['by_number', 'UA', 'RU', 'UK', 'US'] as const;

export function newDisposition(label: string): DispositionDraft {
  return { label, kind: 'final', success: false, optOut: false, hotkey: '', retryMinutes: null };
}

/** The form for a campaign being edited, or for a new one starting `now`. */
export function draftOf(campaign: Campaign | null, now: number): CampaignDraft {
  if (!campaign) {
    return {
      name: '',
      goal: '',
      purpose: 'sales',
      startsAt: dayjs(now).format(wallClock),
      endsAt: null,
      callerNumber: '',
      accountId: null,
      scriptId: null,
      questionnaireId: null,
      mode: 'preview',
      powerRatio: 2,
      previewCountdownSeconds: null,
      ringTimeoutSeconds: 25,
      wrapUpSeconds: 30,
      profile: 'by_number',
      rules: {},
      amdAction: 'off',
      operatorIds: [],
      dispositions: [],
    };
  }
  return {
    name: campaign.name,
    goal: campaign.goal,
    purpose: campaign.purpose,
    startsAt: dayjs(campaign.startsAt).format(wallClock),
    endsAt: campaign.endsAt === null ? null : dayjs(campaign.endsAt).format(wallClock),
    callerNumber: campaign.callerNumber ?? '',
    accountId: campaign.accountId,
    scriptId: campaign.scriptId,
    questionnaireId: campaign.questionnaireId,
    mode: campaign.mode,
    powerRatio: campaign.powerRatio,
    previewCountdownSeconds: campaign.previewCountdownSeconds,
    ringTimeoutSeconds: campaign.ringTimeoutSeconds,
    wrapUpSeconds: campaign.wrapUpSeconds,
    profile: campaign.profile,
    rules: campaign.rules,
    amdAction: campaign.amdAction,
    operatorIds: campaign.operatorIds,
    dispositions: campaign.dispositions.map(({ hotkey, ...d }) => ({ ...d, hotkey: hotkey ?? '' })),
  };
}

/** What `campaigns.save` is sent: empty texts become null, a retry delay only on a retry disposition. */
export function inputOf(draft: CampaignDraft, id: string | undefined): CampaignInput {
  const callerNumber = draft.callerNumber.trim();
  return {
    ...(id ? { id } : {}),
    name: draft.name,
    goal: draft.goal,
    purpose: draft.purpose,
    startsAt: dayjs(draft.startsAt).valueOf(),
    endsAt: draft.endsAt === null ? null : dayjs(draft.endsAt).valueOf(),
    callerNumber: callerNumber === '' ? null : callerNumber,
    accountId: draft.accountId,
    scriptId: draft.scriptId,
    questionnaireId: draft.questionnaireId,
    mode: draft.mode,
    powerRatio: draft.powerRatio,
    previewCountdownSeconds: draft.previewCountdownSeconds,
    ringTimeoutSeconds: draft.ringTimeoutSeconds,
    wrapUpSeconds: draft.wrapUpSeconds,
    profile: draft.profile,
    rules: draft.rules,
    amdAction: draft.amdAction,
    operatorIds: draft.operatorIds,
    dispositions: draft.dispositions.map(({ hotkey, retryMinutes, ...d }) => ({ ...d, hotkey: hotkey === '' ? null : hotkey, retryMinutes: d.kind === 'retry' ? retryMinutes : null })),
  };
}

/** A rule's value by its path ("attemptCaps.day"); undefined: the profile's own applies. */
export function ruleAt(rules: RuleSettings, path: string): unknown {
  let value: unknown = rules;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The rules with one value set, or removed when `value` is undefined (then an object left empty goes too). */
export function withRule(rules: RuleSettings, path: string, value: unknown): RuleSettings {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const next = { ...rules };
  const inner = rest.length === 0 ? value : withRule(typeof rules[key] === 'object' && rules[key] !== null ? (rules[key] as RuleSettings) : {}, rest.join('.'), value);
  if (inner === undefined || (rest.length > 0 && Object.keys(inner as RuleSettings).length === 0)) delete next[key];
  else next[key] = inner;
  return next;
}

/** The message for a field from a form's errors by path: on the field itself or on a part of it ("rules.window.weekdays.to"). */
export function errorOn(fields: Record<string, string>, path: string): string | undefined {
  return fields[path] ?? Object.entries(fields).find(([key]) => key.startsWith(`${path}.`))?.[1];
}

/** The list with the item at `index` moved by `delta` places (kept inside the list). */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, index + delta));
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}
