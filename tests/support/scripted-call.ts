import type { Page } from 'playwright-core';
import type { MethodInput, MethodName, MethodOutput, QuestionnaireDefinition, ScriptDefinition } from '#contract';
import { connectApi, type TestSocket } from './ws-client';

// For the benchmarks, which run under tsx: it resolves `#tests/support/sip/browser-peer` to the folder of that name.
export { BrowserPeer } from './sip/browser-peer';

/** The API of the workplace a page shows, over the page's own token-guarded socket. */
export class PageApi {
  private constructor(private readonly socket: TestSocket) {}

  static async of(page: Page): Promise<PageApi> {
    const url = new URL(page.url());
    const socket = await connectApi(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, url.origin);
    if ('refused' in socket) throw new Error(`the API socket was refused: ${socket.refused}`);
    return new PageApi(socket);
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.socket.request(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as MethodOutput<M>;
  }

  close(): Promise<void> {
    return this.socket.close();
  }
}

/**
 * Publishes `script` (and first `questionnaire`, attached to it, when given) and sets it on the
 * workplace's SIP account, so it runs beside every call on that line. Saving the account registers it again.
 */
export async function scriptOnLine(api: PageApi, setup: { script: (questionnaireId: string | null) => ScriptDefinition; questionnaire?: QuestionnaireDefinition }): Promise<string> {
  let questionnaireId: string | null = null;
  if (setup.questionnaire) {
    questionnaireId = (await api.call('scripts.save', { kind: 'questionnaire', name: 'Анкета клієнта', questionnaire: setup.questionnaire })).id;
    await api.call('scripts.publish', { id: questionnaireId });
  }
  const script = await api.call('scripts.save', { kind: 'script', name: 'Продаж тарифу', script: setup.script(questionnaireId) });
  await api.call('scripts.publish', { id: script.id });
  const [account] = await api.call('phone.accounts', {});
  if (!account) throw new Error('the workplace has no SIP account to run the script on');
  const { id, label, wsUrl, sipUri, authUser, displayName, record, consentAnnouncement, enabled } = account;
  await api.call('phone.saveAccount', { id, label, wsUrl, sipUri, authUser, displayName, record, consentAnnouncement, enabled, scriptId: script.id });
  return script.id;
}
