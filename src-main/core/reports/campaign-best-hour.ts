import type { DrillPage, DrillRequest, ReportRequest } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { DomainError } from '#core/shared/errors';
import { isKnownZone, wallClock } from '#core/shared/zoned-time';
import { attemptsFact } from './facts/attempts';
import { ratio } from './framework/facts';
import type { ReportFigures } from './framework/report-definition';
import { periodParams, scopeConditions, type ReportScope } from './framework/scope';
import { pageOf } from './listed-records';

/** Numbers' zones, read once per process (the dialer's own table). */
let numberZones: NumberZones | undefined;

/**
 * The hour of the day on the callee's clock, as the dialer places a callee: the contact's own zone first,
 * else the first zone of the number's range; '' when neither tells.
 */
export function calleeHour(startedAt: number, phone: string, contactZone: string | null): string {
  const own = contactZone?.trim() ?? '';
  numberZones ??= new NumberZones();
  const zone = own !== '' && isKnownZone(own) ? own : numberZones.of(phone).zones?.[0];
  if (!zone || !isKnownZone(zone)) return '';
  return localHour(startedAt, zone);
}

const QUARTER_MS = 900_000;
const hourOfSlot = new Map<string, string>();

/**
 * The local hour of an instant, remembered per zone and UTC quarter hour: offsets, and so the instants where a
 * local hour starts, are whole quarters, so every instant of a quarter reads the same hour (a month of attempts
 * asks Intl a few thousand times instead of once per attempt).
 */
function localHour(at: number, zone: string): string {
  const slot = `${zone} ${Math.floor(at / QUARTER_MS)}`;
  let hour = hourOfSlot.get(slot);
  if (hour === undefined) {
    hour = String(Math.floor(wallClock(Math.floor(at / QUARTER_MS) * QUARTER_MS, zone).secondOfDay / 3600));
    if (hourOfSlot.size > 200_000) hourOfSlot.clear();
    hourOfSlot.set(slot, hour);
  }
  return hour;
}

const reachedOutcomes = new Set(['reached', 'reached_late']);
const hours = Array.from({ length: 24 }, (_, h) => String(h));
const columns = ['attempts', 'reached', 'reach_rate'] as const;

interface AttemptHour {
  hour: string;
  reached: boolean;
  raw: Record<string, unknown>;
}

/** The attempts of the report's scope, each with its callee's hour (and what a drill-down row shows, when asked). */
function attemptHours(db: ReadDb, scope: ReportScope, listed: boolean): AttemptHour[] {
  const where = scopeConditions(attemptsFact, scope);
  if (where === null) return [];
  const { records } = attemptsFact;
  const select = listed ? `, ${records.id} AS id, ${records.sort} AS sort, ${records.select}` : '';
  const rows = db.$client
    .prepare(
      `SELECT a.started_at AS hourAt, a.phone AS hourPhone, a.outcome AS hourOutcome, (SELECT time_zone FROM contacts WHERE id = a.contact_id) AS hourZone${select}
       FROM ${attemptsFact.from} WHERE ${where.sql}`,
    )
    .all({ ...periodParams(scope), ...where.params }) as Record<string, unknown>[];
  return rows.map((raw) => ({
    hour: calleeHour(raw.hourAt as number, raw.hourPhone as string, (raw.hourZone as string | null) ?? null),
    reached: reachedOutcomes.has(raw.hourOutcome as string),
    raw,
  }));
}

/**
 * Campaign attempts and people reached by the hour on the callee's clock (SQL cannot: the zone of a number
 * comes from the dialer's table), with the reach rate; figures and lists come from the same classification.
 */
export function bestHourFigures(db: ReadDb, _request: ReportRequest, scope: ReportScope): ReportFigures {
  const found = attemptHours(db, scope, false);
  const keys = found.some((a) => a.hour === '') ? [...hours, ''] : hours;
  const counts = new Map(keys.map((k) => [k, { attempts: 0, reached: 0 }]));
  for (const a of found) {
    const count = counts.get(a.hour);
    if (!count) continue;
    count.attempts++;
    if (a.reached) count.reached++;
  }
  const values = (c: { attempts: number; reached: number }) => ({ attempts: c.attempts, reached: c.reached, reach_rate: ratio(c.reached, c.attempts, 100) });
  const total = { attempts: found.length, reached: found.filter((a) => a.reached).length };
  return {
    columns: [
      { key: 'attempts', unit: 'count', drill: true, chart: true },
      { key: 'reached', unit: 'count', drill: true, chart: true },
      { key: 'reach_rate', unit: 'percent', drill: true, chart: false },
    ],
    // Callees of no known zone have a row of their own, no hour: the window words it as a missing value.
    rows: [...counts].map(([key, c]) => ({ key, kind: key === '' ? ('value' as const) : ('hour' as const), label: key, values: values(c) })),
    totals: values(total),
    chart: 'bar',
  };
}

export function bestHourDrill(db: ReadDb, request: DrillRequest, scope: ReportScope): DrillPage {
  const column = columns.find((c) => c === request.cell.column);
  if (column === undefined) throw new DomainError('invalid_payload', 'report_cell_not_drillable', `The column ${request.cell.column} does not open a list of records`, { column: request.cell.column });
  const { rowKey } = request.cell;
  const listed = attemptHours(db, scope, true).filter((a) => (rowKey === null || a.hour === rowKey) && (column === 'attempts' || a.reached));
  const records = listed.map((a) => ({ sort: a.raw.sort as number, row: attemptsFact.records.toRow(a.raw) }));
  return { recordType: attemptsFact.records.recordType, fields: [...attemptsFact.records.fields], ...pageOf(records, { after: request.after, limit: request.limit }) };
}
