export * from './calendar';
export * from './crm';
export * from './deals';
export * from './settings';
