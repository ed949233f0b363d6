/** Every table, for drizzle (queries with relations) and drizzle-kit (migrations). */
export * from './tables/calendar';
export * from './tables/complaints';
export * from './tables/crm';
export * from './tables/deals';
export * from './tables/records';
export * from './tables/settings';
