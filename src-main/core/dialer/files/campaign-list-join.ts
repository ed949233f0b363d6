import { CampaignListReportSchema, type CampaignListReport, type MethodParams } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { AppDatabase } from '#core/db/connection';
import type { WriteDb } from '#core/db/handles';
import type { IdGenerator } from '#core/shared/ids';
import { addContacts } from '#core/dialer/audience';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { jobContext } from './job-context';

export type CampaignListTarget = NonNullable<MethodParams<'imports.start'>['campaign']>;

function emptyReport(target: CampaignListTarget): CampaignListReport {
  return { campaignId: target.id, split: target.split, joined: 0, alreadyThere: 0, withoutNumber: 0 };
}

/** What an import for a campaign records at its start (`imports.campaign_list`), before any row is read. */
export function emptyCampaignList(target: CampaignListTarget): string {
  return JSON.stringify(emptyReport(target));
}

/** The stored `imports.campaign_list`, read back for the import's report. */
export function campaignListOf(stored: string | null): CampaignListReport | null {
  return stored === null ? null : CampaignListReportSchema.parse(JSON.parse(stored));
}

/**
 * The people of an import joining a campaign's list, batch by batch: in each batch's own transaction, the
 * people the batch created, merged or skipped as known (a duplicate joins under the existing contact) are
 * added with the campaign's usual rules (audience.ts: each with their first number that reads as one, people
 * already in the list not twice) and split among its operators. So a crash keeps the list and the contacts
 * in step, and a resumed import carries on with the counts its committed batches stored.
 *
 * @remarks Each batch is split on its own: with the time-zone split, a zone is kept with one operator within
 * a batch (5,000 rows), and a zone met again in a later batch goes to whoever has least then, as when people
 * are added to a list twice.
 */
export class CampaignListJoin {
  private readonly report: CampaignListReport;
  private readonly zones = new NumberZones();
  private readonly ctx: CrmContext;

  constructor(
    database: AppDatabase,
    target: CampaignListTarget,
    deps: { now: number; ids: IdGenerator; employeeId: string | null; stored: string | null },
  ) {
    this.report = campaignListOf(deps.stored) ?? emptyReport(target);
    this.ctx = jobContext(database, deps);
  }

  /** In the batch's transaction, after its people are written. */
  add(tx: WriteDb, contactIds: readonly string[]): void {
    if (contactIds.length === 0) return;
    const added = addContacts(this.ctx, tx, this.zones, { campaignId: this.report.campaignId, people: { contactIds: [...new Set(contactIds)] }, split: this.report.split });
    this.report.joined += added.added;
    this.report.alreadyThere += added.alreadyThere;
    this.report.withoutNumber += added.withoutNumber;
  }

  /** The counts so far, as `imports.campaign_list` stores them. */
  stored(): string {
    return JSON.stringify(this.report);
  }
}
