import type { ReadDb } from '#core/db/handles';
import { closedDealsFact, forecastDealsFact, openDealsFact } from './facts/deals';
import type { BaseMeasure, Fact, Measure } from './framework/facts';
import { byColumn, byOperator, byTime, type Grouping } from './framework/groupings';
import { sqlReport, type ReportDefinition, type ReportLayout } from './framework/report-definition';
import type { ReportScope } from './framework/scope';

/** A currency as an SQL string literal (currencies come from the data; quotes doubled all the same). */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The separator between a money column's figure and its currency: "amount:UAH". */
const CURRENCY_SEPARATOR = ':';

/** One money column per currency: amounts in different currencies are never summed together. */
function perCurrency(db: ReadDb, prefix: string, fact: Fact, value: string, when?: string): BaseMeasure[] {
  const currencies = db.$client.prepare<[], { currency: string }>('SELECT DISTINCT currency FROM deals ORDER BY currency').all();
  return currencies.map(({ currency }) => ({
    key: `${prefix}${CURRENCY_SEPARATOR}${currency}`,
    unit: 'money',
    fact,
    aggregate: { sum: value },
    when: `d.currency = ${literal(currency)}${when ? ` AND ${when}` : ''}`,
    drill: true,
    chart: true,
  }));
}

const count = (key: string, fact: Fact, when?: string): BaseMeasure => ({ key, unit: 'count', fact, aggregate: { count: true }, ...(when ? { when } : {}), drill: true, chart: false });

function stages(db: ReadDb): Grouping {
  const open = db.$client.prepare<[], { id: string; name: string }>(`SELECT id, name FROM deal_stages WHERE outcome = 'open' ORDER BY position`).all();
  return byColumn('value', () => 'd.stage_id', new Map(open.map((s) => [s.id, s.name])), open.map((s) => s.id));
}

function layout(db: ReadDb, scope: ReportScope, view: string): ReportLayout {
  switch (view) {
    case 'owner':
      return { measures: [count('deals', openDealsFact), ...perCurrency(db, 'amount', openDealsFact, 'd.amount')], grouping: byOperator(db), chart: 'bar' };
    case 'won_lost': {
      const won = "st.outcome = 'won'";
      const lost = "st.outcome = 'lost'";
      const measures: Measure[] = [
        count('won', closedDealsFact, won),
        count('lost', closedDealsFact, lost),
        ...perCurrency(db, 'won_amount', closedDealsFact, 'd.amount', won),
        ...perCurrency(db, 'lost_amount', closedDealsFact, 'd.amount', lost),
      ];
      return { measures, grouping: byOperator(db), chart: 'stacked_bar' };
    }
    case 'forecast':
      return {
        measures: [count('deals', forecastDealsFact), ...perCurrency(db, 'amount', forecastDealsFact, 'd.amount'), ...perCurrency(db, 'weighted', forecastDealsFact, 'd.amount * d.probability / 100.0')],
        grouping: byTime('month', scope),
        chart: 'bar',
      };
    default:
      return { measures: [count('deals', openDealsFact), ...perCurrency(db, 'amount', openDealsFact, 'd.amount')], grouping: stages(db), chart: 'bar' };
  }
}

const sqlSales = sqlReport('sales', ['pipeline', 'owner', 'won_lost', 'forecast'], (db, _request, scope, view) => layout(db, scope, view));

/**
 * Sales: the open pipeline by stage and by owner (today's, whatever the period), deals won and lost in the
 * period by owner, and the forecast of open deals by expected-close month (amount × probability). Money
 * columns come one per currency, marked with it. Honours the owner/team and company-tag filters; a campaign
 * filter leaves deals out.
 */
export const salesReport: ReportDefinition = {
  ...sqlSales,
  figures: (db, request, scope, view) => {
    const figures = sqlSales.figures(db, request, scope, view);
    const columns = figures.columns.map((column) => {
      const [, currency] = column.key.split(CURRENCY_SEPARATOR);
      return currency === undefined ? column : { ...column, currency };
    });
    return { ...figures, columns };
  },
};
