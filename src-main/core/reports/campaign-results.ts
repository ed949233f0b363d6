import type { ReportRequest } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { campaignPolicies, campaignRuleSettingsSchema, loadProfiles, BUILT_IN_PROFILE_FILES, type Profile } from '#core/dialer/rules/index';
import { bestHourDrill, bestHourFigures } from './campaign-best-hour';
import { attemptsFact } from './facts/attempts';
import { attemptsInPeriod, campaignEntriesFact } from './facts/campaign-entries';
import { questionnaireAnswersFact } from './facts/questionnaire-answers';
import { ratio, type BaseMeasure, type Measure } from './framework/facts';
import { byColumn, byTime, type Grouping } from './framework/groupings';
import { sqlReport, type ReportDefinition, type ReportLayout } from './framework/report-definition';
import type { ReportScope } from './framework/scope';

const views = ['funnel', 'disposition', 'attempts_per_contact', 'best_hour', 'abandon_by_day', 'answers'] as const;

const reachedOutcome = "a.outcome IN ('reached', 'reached_late')";

/** The funnel's steps, each a count of numbers (entries) dialed in the period, narrowing. */
const funnelSteps: readonly BaseMeasure[] = [
  { key: 'dialed', unit: 'count', fact: campaignEntriesFact, aggregate: { count: true }, drill: true, chart: true },
  { key: 'reached', unit: 'count', fact: campaignEntriesFact, aggregate: { count: true }, when: `${attemptsInPeriod(reachedOutcome)} > 0`, drill: true, chart: true },
  {
    key: 'successful',
    unit: 'count',
    fact: campaignEntriesFact,
    aggregate: { count: true },
    when: `${attemptsInPeriod('a.disposition_id IN (SELECT id FROM campaign_dispositions WHERE success = 1)')} > 0`,
    drill: true,
    chart: true,
  },
];

/** The whole scope as one row ("all"): the funnel's steps are its columns, each opening its numbers. */
const everything = byColumn('key', () => "'all'", new Map(), ['all']);

/** Numbers by their count of attempts in the period; a row's key is the count, compared as the number it is. */
const attemptCounts: Grouping = {
  ...byColumn('value', () => attemptsInPeriod(), new Map()),
  match: (_fact, key) => ({ sql: `${attemptsInPeriod()} = @g`, params: { g: Number(key) } }),
};

/** The profiles the dialer applies (the built-in ones), read once per process. */
let profiles: readonly Profile[] | undefined;

/**
 * The strictest abandon cap (percent of live-answered calls) among the campaigns the report covers: those
 * chosen, or those with attempts in the period. A campaign dialing "by number" may fall under several
 * profiles; its strictest counts.
 */
function abandonCap(db: ReadDb, scope: ReportScope): number | null {
  profiles ??= loadProfiles(BUILT_IN_PROFILE_FILES).accepted;
  const chosen =
    scope.campaigns.length > 0
      ? db.$client.prepare<string[], CampaignRulesRow>(`SELECT purpose, profile, rules FROM campaigns WHERE id IN (${scope.campaigns.map(() => '?').join(', ')})`).all(...scope.campaigns)
      : db.$client
          .prepare<{ from: number; to: number }, CampaignRulesRow>('SELECT purpose, profile, rules FROM campaigns WHERE id IN (SELECT DISTINCT campaign_id FROM campaign_attempts WHERE started_at >= @from AND started_at < @to)')
          .all({ from: scope.from, to: scope.to });
  const caps: number[] = [];
  for (const campaign of chosen) {
    const settings = campaignRuleSettingsSchema.safeParse(JSON.parse(campaign.rules));
    if (!settings.success) continue;
    const policies = campaignPolicies(profiles, { purpose: campaign.purpose, profile: campaign.profile, settings: settings.data });
    if (policies.ok) caps.push(...policies.all.map((p) => p.abandon.maxRate.value * 100));
  }
  return caps.length > 0 ? Math.min(...caps) : null;
}

interface CampaignRulesRow {
  purpose: 'sales' | 'survey' | 'debt_collection' | 'informational' | 'service';
  profile: string;
  rules: string;
}

function names(db: ReadDb, sql: string): Map<string, string> {
  return new Map(db.$client.prepare<[], { id: string; name: string }>(sql).all().map((r) => [r.id, r.name]));
}

function layout(db: ReadDb, request: ReportRequest, scope: ReportScope, view: string): ReportLayout {
  switch (view) {
    case 'disposition':
      return {
        measures: [{ key: 'attempts', unit: 'count', fact: attemptsFact, aggregate: { count: true }, when: 'a.disposition_id IS NOT NULL', drill: true, chart: true }],
        grouping: byColumn('value', (fact) => (fact === attemptsFact ? 'a.disposition_id' : null), names(db, 'SELECT id, label AS name FROM campaign_dispositions')),
        chart: 'pie',
      };
    case 'attempts_per_contact':
      return {
        measures: [{ key: 'contacts', unit: 'count', fact: campaignEntriesFact, aggregate: { count: true }, drill: true, chart: true }],
        grouping: attemptCounts,
        chart: 'bar',
      };
    case 'abandon_by_day': {
      const cap = abandonCap(db, scope);
      const measures: Measure[] = [
        // The dialer's own counting (campaign_abandon_hours): a live call is answered and not by a machine; a person kept waiting past the law's delay is abandoned too.
        { key: 'live', unit: 'count', fact: attemptsFact, aggregate: { count: true }, when: "a.answered_at IS NOT NULL AND coalesce(a.amd_verdict, '') <> 'machine'", drill: true, chart: false },
        { key: 'abandoned', unit: 'count', fact: attemptsFact, aggregate: { count: true }, when: "a.outcome IN ('abandoned', 'reached_late')", drill: true, chart: false },
        { key: 'abandon_rate', unit: 'percent', compute: (v) => ratio(v.abandoned, v.live, 100), drillAs: 'abandoned', chart: true },
        { key: 'abandon_cap', unit: 'percent', compute: () => cap, chart: true },
      ];
      return { measures, grouping: byTime('day', scope), chart: 'line' };
    }
    case 'answers': {
      const fact = questionnaireAnswersFact(request.options.questionId ?? '');
      const value = 'CAST(v.value AS TEXT)';
      return {
        measures: [{ key: 'answers', unit: 'count', fact, aggregate: { count: true }, drill: true, chart: true }],
        grouping: byColumn('value', () => value, new Map()),
        chart: 'pie',
      };
    }
    default:
      return { measures: funnelSteps, grouping: everything, chart: 'funnel' };
  }
}

const sqlViews = sqlReport('campaign_results', views, layout);

/**
 * Campaign results: the funnel (numbers dialed → reached → successful), dispositions, attempts per number,
 * the best hours on the callee's clock, abandon rate per local day against the cap, and a questionnaire
 * question's answers. Honours the campaign, operator/team (the attempt's or the number's operator) and
 * company-tag filters.
 */
export const campaignResultsReport: ReportDefinition = {
  ...sqlViews,
  figures: (db, request, scope, view) => (view === 'best_hour' ? bestHourFigures(db, request, scope) : sqlViews.figures(db, request, scope, view)),
  drill: (db, request, scope, view) => (view === 'best_hour' ? bestHourDrill(db, request, scope) : sqlViews.drill(db, request, scope, view)),
};
