import { defineHandlers } from '#core/api/registry';
import type { AppDatabase } from '#core/db/connection';
import { callHistory } from './call-history';
import { getContactCard, listContacts } from './contacts';
import { quickSearch } from './quick-search';

export function crmHandlers(database: AppDatabase) {
  return defineHandlers({
    'contacts.list': (params) => listContacts(database.read, params),
    'contacts.get': ({ id }) => getContactCard(database.read, id),
    'search.quick': ({ text, limit }) => quickSearch(database.read, text, limit),
    'calls.history': (params) => callHistory(database.read, params),
  });
}
