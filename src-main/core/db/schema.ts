/**
 * Every table, for drizzle (queries with relations) and drizzle-kit (migrations).
 *
 * Beware: in a select list, drizzle writes a column of a single-table query unqualified ("id"),
 * so a correlated subquery in a select field must name the outer column in full ("contacts"."id")
 * or it binds to the subquery's own table.
 */
export * from './tables/calendar';
export * from './tables/campaigns';
export * from './tables/complaints';
export * from './tables/crm';
export * from './tables/deals';
export * from './tables/records';
export * from './tables/scripts';
export * from './tables/settings';
export * from './tables/telephony';
export * from './tables/jobs';
export * from './tables/quality';
export * from './tables/deferred-indexes';
