import { crmWorkstation, ok } from './crm';

export { recordCall, salesScript, surveyQuestionnaire } from './script-fixtures';

/** A workstation with an operator chosen and the contact field "Тариф" the sales script merges in. */
export async function scriptsWorkstation() {
  const crm = await crmWorkstation();
  const tariff = await ok(crm.workstation, 'customFields.save', { entity: 'contact', name: 'Тариф', type: 'text' });
  return { ...crm, tariff };
}
