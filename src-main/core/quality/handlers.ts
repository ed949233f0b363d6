import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';

/** Scorecards (Settings), reviews of calls (supervisors) and the operator's own reviews. */
export function qualityHandlers(_ctx: CrmContext) {
  return defineHandlers({});
}
