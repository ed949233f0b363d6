/**
 * The dialer's calling rules engine: jurisdiction profiles (data files with their legal sources),
 * a campaign's stricter settings on top, and decide(), asked at the moment of every dial.
 */
export { AUDIT_COLUMNS, auditRows, type AuditColumn, type AuditRejection, type AuditRow, type StoredDecision } from './audit';
export type { CallFacts, DncListCheck } from './call-facts';
export type { AttemptRecord } from './attempt-history';
export { readCalleeNumber, type CalleeNumber } from './callee-number';
export { campaignRuleSettingsSchema, type CampaignRuleSettings } from './campaign-settings';
export { decide } from './decide';
export { becauseSchema, decisionSchema, refusalSchema, type Because, type DayType, type Decision, type Refusal } from './decision';
export {
  campaignPolicies,
  effectivePolicy,
  type Bound,
  type CampaignPolicies,
  type CampaignRules,
  type EffectivePolicy,
  type PolicyForCallee,
  type PolicyProblem,
  type PolicyResult,
  type Span,
} from './effective-policy';
export { BUILT_IN_PROFILE_FILES, loadProfiles, type LoadedProfiles, type ProfileFile, type ProfileRejection } from './profile-files';
export { profileSchema, type Profile, type ProfileRule } from './profile-schema';
export { profileLimits, type LimitValue } from './profile-limits';
export {
  CAMPAIGN_DNC_LIST,
  DIAL_MODES,
  GLOBAL_DNC_LIST,
  HISTORY_MS,
  PURPOSES,
  RETRY_OUTCOMES,
  RULE_CODES,
  TIME_RULES,
  type AttemptOutcome,
  type DialMode,
  type Purpose,
  type RetryOutcome,
  type RuleCode,
} from './vocabulary';
