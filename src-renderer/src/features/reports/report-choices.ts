import { reportKinds, type InteractionKind, type MethodOutput, type ReportKind, type ReportRequestInput } from '#contract';
import { periodPresets, periodRange, type Period } from './period';

/** What the operator chose for one report: kept per report, so switching back finds it as it was left. */
export interface ReportChoices {
  view?: string;
  period: Period;
  operatorIds: string[];
  teamIds: string[];
  campaignIds: string[];
  companyTagIds: string[];
  interactionKind?: InteractionKind;
  days?: number;
  /** Campaign results' answers: the questionnaire the question is picked from (the request needs only the question). */
  questionnaireId?: string;
  questionId?: string;
}

/** Who and what a report can be narrowed to. */
export type ReportFilterChoices = MethodOutput<'reports.filterChoices'>;

export interface SavedChoices {
  report: ReportKind;
  byReport: Partial<Record<ReportKind, ReportChoices>>;
}

export const defaultChoices: ReportChoices = { period: { preset: 'this_month' }, operatorIds: [], teamIds: [], campaignIds: [], companyTagIds: [] };

const storageKey = 'reports.choices';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The choices left last time; anything unreadable (an older shape, a hand edit) is left out, never fatal. */
export function loadChoices(storage: Pick<Storage, 'getItem'>): SavedChoices {
  try {
    const saved = JSON.parse(storage.getItem(storageKey) ?? 'null') as Partial<SavedChoices> | null;
    const report = reportKinds.find((k) => k === saved?.report) ?? 'operator_kpi';
    const byReport: SavedChoices['byReport'] = {};
    for (const kind of reportKinds) {
      const c = saved?.byReport?.[kind] as Partial<ReportChoices> | undefined;
      if (!c || typeof c !== 'object') continue;
      const preset = periodPresets.find((p) => p === c.period?.preset) ?? 'this_month';
      byReport[kind] = {
        ...(typeof c.view === 'string' ? { view: c.view } : {}),
        period: { preset, ...(typeof c.period?.firstDay === 'string' ? { firstDay: c.period.firstDay } : {}), ...(typeof c.period?.lastDay === 'string' ? { lastDay: c.period.lastDay } : {}) },
        operatorIds: strings(c.operatorIds),
        teamIds: strings(c.teamIds),
        campaignIds: strings(c.campaignIds),
        companyTagIds: strings(c.companyTagIds),
        ...(typeof c.interactionKind === 'string' ? { interactionKind: c.interactionKind } : {}),
        ...(typeof c.days === 'number' ? { days: c.days } : {}),
        ...(typeof c.questionnaireId === 'string' && c.questionnaireId ? { questionnaireId: c.questionnaireId } : {}),
        ...(typeof c.questionId === 'string' && c.questionId ? { questionId: c.questionId } : {}),
      };
    }
    return { report, byReport };
  } catch {
    return { report: 'operator_kpi', byReport: {} };
  }
}

export function saveChoices(storage: Pick<Storage, 'setItem'>, saved: SavedChoices): void {
  storage.setItem(storageKey, JSON.stringify(saved));
}

/** The request the choices make, or null while the period is incomplete (a custom range missing a day). */
export function reportRequest(report: ReportKind, choices: ReportChoices, now: number): ReportRequestInput | null {
  const range = periodRange(choices.period, now);
  if (!range) return null;
  return {
    report,
    ...(choices.view ? { view: choices.view } : {}),
    filters: { ...range, operatorIds: choices.operatorIds, teamIds: choices.teamIds, campaignIds: choices.campaignIds, companyTagIds: choices.companyTagIds },
    options: {
      ...(report === 'relationship_health' && choices.interactionKind ? { interactionKind: choices.interactionKind } : {}),
      ...(report === 'relationship_health' && choices.days ? { days: choices.days } : {}),
      ...(report === 'campaign_results' && choices.questionId ? { questionId: choices.questionId } : {}),
    },
  };
}
