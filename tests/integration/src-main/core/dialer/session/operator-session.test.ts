import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CampaignInput, OperatorSession } from '#contract';
import { campaignAbandonHours, campaignAttempts, campaignEntries, operatorStates, questionnaireResponses, scriptRuns } from '#core/db/schema';
import { editable } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';
import { salesScript, surveyQuestionnaire } from '#tests/support/scripts';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { callApi, createTestWorkstation } from '#tests/support/workstation';
import { workingMorningClock } from '#tests/support/working-morning';

describe('an operator working a campaign through a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();
  const stations: RegisteredWorkstation[] = [];
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.workstation.dispose();
  });

  /**
   * A registered operator whose workstation lives on the next Ukrainian working morning (the survey window is
   * open whatever the hour the test runs), a running campaign of the customers given (SIP users named by their
   * numbers), and the session's views as the window receives them.
   */
  async function working(user: string, customers: string[], mode: CampaignInput['mode'], extra: Record<string, unknown> = {}) {
    const clock = workingMorningClock();
    const station = await registeredWorkstation(kamailio, user, {}, (options) => createTestWorkstation({ ...options, clock }));
    stations.push(station);
    const { workstation, me } = station;
    const views: (OperatorSession | null)[] = [];
    workstation.events.on('dialer.session', (view) => views.push(view));
    const ids = [];
    for (const [i, number] of customers.entries()) ids.push((await ok(workstation, 'contacts.create', { lastName: `Клієнт ${i}`, phones: [{ kind: 'mobile', raw: number }] })).id);
    const saved = await ok(workstation, 'campaigns.save', {
      name: 'Опитування',
      purpose: 'survey',
      startsAt: clock.now() - 60_000,
      mode,
      profile: 'UA',
      callerNumber: '+380441234567',
      ringTimeoutSeconds: 10,
      rules: { retryDelayMinutes: { busy: 15, no_answer: 60, failed: 30 } },
      operatorIds: [me.id],
      dispositions: [
        { label: 'Опитано', kind: 'final', success: true, hotkey: '1' },
        { label: 'Передзвонити в обраний час', kind: 'callback', hotkey: '2' },
      ],
      ...extra,
    });
    await ok(workstation, 'campaigns.addContacts', { campaignId: saved.id, contactIds: ids });
    await ok(workstation, 'campaigns.setState', { id: saved.id, state: 'running' });
    const session = () => ok(workstation, 'dialer.session', {});
    const until = (check: (v: OperatorSession) => boolean, what: string, ms = 20_000) =>
      eventually(session, (v) => v !== null && check(v), ms, `${what} (states seen: ${views.map((v) => v?.state).join(' → ')})`) as Promise<OperatorSession>;
    const attempts = () => workstation.database.read.select().from(campaignAttempts).where(eq(campaignAttempts.campaignId, saved.id)).all();
    const entries = () => workstation.database.read.select().from(campaignEntries).where(eq(campaignEntries.campaignId, saved.id)).all();
    return { ...station, clock, saved, views, session, until, attempts, entries };
  }

  it('progressive: each number dials as the operator is ready; busy and unanswered go back to the list; a callback lands in the operator\'s calendar and list', async () => {
    const answering = await peer('+380671110001');
    const busy = await peer('+380671110002');
    busy.onInvite = 'busy';
    const silent = await peer('+380671110003');
    silent.onInvite = 'ring';
    const op = await working('op890', ['+380671110001', '+380671110002', '+380671110003'], 'progressive', { ringTimeoutSeconds: 10 });
    await ok(op.workstation, 'dialer.join', { campaignId: op.saved.id });
    const talking = await op.until((v) => v.state === 'on_call', 'a call answered', 30_000);
    expect(talking.entry).toMatchObject({ phone: '+380671110001', contactName: 'Клієнт 0' });
    expect(answering.invitations[0]!.request.getHeader('X-Campaign-Id')).toBe(op.saved.id);
    expect(answering.invitations[0]!.request.getHeader('P-Preferred-Identity')).toBe('<tel:+380441234567>');
    await ok(op.workstation, 'phone.hangup', { callId: talking.callId! });
    const wrapUp = await op.until((v) => v.state === 'wrap_up', 'the call in wrap-up');
    expect(wrapUp.wrapUpEndsAt).toBeGreaterThan(wrapUp.since);
    // A callback with no time is refused; with one, it is in the operator's calendar and first in their list when due.
    const callback = op.saved.dispositions[1]!;
    expect(await callApi(op.workstation, 'dialer.dispose', { dispositionId: callback.id })).toMatchObject({ ok: false, error: { reason: 'callback_needs_time' } });
    const at = op.clock.now() + 2 * 86_400_000;
    await ok(op.workstation, 'dialer.dispose', { dispositionId: callback.id, callbackAt: at, note: 'Після обіду' });
    await eventually(() => op.attempts().filter((a) => a.outcome !== null).length, (n) => n === 3, 40_000, 'three attempts ended');
    const byPhone = Object.fromEntries(op.entries().map((e) => [e.phone, e]));
    expect(byPhone['+380671110001']).toMatchObject({ state: 'waiting', priority: 0, nextAt: at, callbackAt: at, operatorId: op.me.id });
    expect(byPhone['+380671110002']).toMatchObject({ state: 'waiting', lastOutcome: 'busy' });
    expect(byPhone['+380671110003']).toMatchObject({ state: 'waiting', lastOutcome: 'no_answer' });
    // The calendar keeps whole seconds (iCalendar's resolution).
    const events = await ok(op.workstation, 'calendar.range', { from: at - 1000, to: at + 86_400_000 });
    expect(events).toEqual([expect.objectContaining({ kind: 'callback', startsAt: Math.floor(at / 1000) * 1000, contactId: byPhone['+380671110001']!.contactId })]);
    // Nothing else is due (retry delays), so the session waits, ready, saying until when.
    const idle = await op.until((v) => v.state === 'ready' && v.idleUntil !== null, 'idle until the next entry is due');
    expect(idle.idleUntil).toBeGreaterThan(op.clock.now());
    const logged = op.workstation.database.read.select({ state: operatorStates.state }).from(operatorStates).orderBy(operatorStates.startedAt).all().map((s) => s.state);
    expect(logged).toEqual(expect.arrayContaining(['ready', 'dialing', 'on_call', 'wrap_up']));
  });

  it('a campaign call runs the campaign\'s script and questionnaire; a missing required answer holds a final disposition, not a callback', async () => {
    await peer('+380671110041');
    const op = await working('op898', ['+380671110041'], 'progressive');
    // The sales script merges the contact's "Тариф".
    await ok(op.workstation, 'customFields.save', { entity: 'contact', name: 'Тариф', type: 'text' });
    const questionnaire = await ok(op.workstation, 'scripts.save', { kind: 'questionnaire', name: 'Анкета', questionnaire: surveyQuestionnaire() });
    await ok(op.workstation, 'scripts.publish', { id: questionnaire.id });
    const script = await ok(op.workstation, 'scripts.save', { kind: 'script', name: 'Опитування', script: salesScript() });
    await ok(op.workstation, 'scripts.publish', { id: script.id });
    await ok(op.workstation, 'campaigns.save', { ...editable(await ok(op.workstation, 'campaigns.get', { id: op.saved.id })), scriptId: script.id, questionnaireId: questionnaire.id });
    await ok(op.workstation, 'dialer.join', { campaignId: op.saved.id });
    const talking = await op.until((v) => v.state === 'on_call', 'a call answered');
    // The window asks for the call's script without naming one: the campaign's comes, and the run and its questionnaire are the campaign's.
    await ok(op.workstation, 'scriptRuns.start', { callId: talking.callId! });
    const run = op.workstation.database.read.select().from(scriptRuns).get()!;
    expect(run).toMatchObject({ scriptId: script.id, campaignId: op.saved.id });
    expect(op.workstation.database.read.select().from(questionnaireResponses).get()).toMatchObject({ questionnaireId: questionnaire.id, campaignId: op.saved.id });
    await ok(op.workstation, 'phone.hangup', { callId: talking.callId! });
    await op.until((v) => v.state === 'wrap_up', 'wrap-up');
    const [final, callback] = op.saved.dispositions;
    expect(await callApi(op.workstation, 'dialer.dispose', { dispositionId: final!.id })).toMatchObject({ ok: false, error: { reason: 'questionnaire_incomplete' } });
    expect((await ok(op.workstation, 'dialer.dispose', { dispositionId: callback!.id, callbackAt: op.clock.now() + 86_400_000 })).state).not.toBe('wrap_up');
  });

  it('preview: the card first; its countdown dials it; a skip needs a reason and brings the next card', async () => {
    const first = await peer('+380671110011');
    const second = await peer('+380671110012');
    const op = await working('op895', ['+380671110011', '+380671110012'], 'preview', { previewCountdownSeconds: 3 });
    await ok(op.workstation, 'dialer.join', { campaignId: op.saved.id });
    const card = await op.until((v) => v.state === 'previewing', 'a card');
    expect(card.countdownEndsAt).toBe(card.since + 3_000);
    expect(first.invitations.length + second.invitations.length).toBe(0);
    expect(await callApi(op.workstation, 'dialer.skip', { reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await ok(op.workstation, 'dialer.skip', { reason: 'wants e-mail first' });
    const next = await op.until((v) => v.state === 'previewing' && v.entry?.entryId !== card.entry?.entryId, 'the next card');
    // Nobody clicks: the countdown dials the card.
    await op.until((v) => v.state === 'on_call', 'the card dialed by its countdown', 15_000);
    const dialed = next.entry!.phone === '+380671110011' ? first : second;
    expect(dialed.invitations).toHaveLength(1);
    expect(await callApi(op.workstation, 'dialer.skip', { reason: 'late' })).toMatchObject({ ok: false, error: { reason: 'call_command_refused' } });
  });

  it('power: two lines for the operator; the first answer is theirs, the second hears the message and is counted as abandoned', async () => {
    await peer('+380671110021');
    await peer('+380671110022');
    const op = await working('op896', ['+380671110021', '+380671110022'], 'power', { powerRatio: 2 });
    // The campaign's record so far: 100 people reached in the last hour, none abandoned — room for two lines.
    const hour = Math.floor((op.clock.now() - 3_600_000) / 3_600_000) * 3_600_000;
    op.workstation.database.write((tx) => tx.insert(campaignAbandonHours).values({ id: `${op.saved.id}:${hour}`, campaignId: op.saved.id, hour, live: 100, abandoned: 0, updatedAt: hour }).run());
    const upload = await ok(op.workstation, 'files.upload', { fileName: 'abandon.wav', chunkBase64: readFileSync(new URL('../../../../../fixtures/amd/human-en-hello.wav', import.meta.url)).toString('base64'), final: true });
    const withMessage = await ok(op.workstation, 'campaigns.setMessage', { campaignId: op.saved.id, kind: 'abandon', uploadId: upload.uploadId, fileName: 'abandon.wav' });
    expect(withMessage.messages).toEqual({ abandon: 'abandon.wav', machine: null });
    await ok(op.workstation, 'dialer.join', { campaignId: op.saved.id });
    await op.until((v) => v.state === 'on_call', 'one answer with the operator');
    const ended = await eventually(op.attempts, (rows) => rows.some((a) => a.outcome === 'abandoned'), 20_000, 'the other answer abandoned');
    expect(ended).toHaveLength(2);
    const board = await ok(op.workstation, 'campaigns.board', { id: op.saved.id });
    expect(board.abandon).toMatchObject({ abandoned: 1, live: 102, cap: 0.03 });
    expect(board.operators[0]).toMatchObject({ employeeId: op.me.id, state: 'on_call', dialed: 2 });
  });

  it('pauses by itself while the phone is unregistered and when the campaign is paused, and resumes after; a pause asked for during a call waits for its disposition', async () => {
    const customer = await peer('+380671110031');
    const op = await working('op897', ['+380671110031', '+380671110032'], 'progressive');
    await ok(op.workstation, 'dialer.join', { campaignId: op.saved.id });
    const talking = await op.until((v) => v.state === 'on_call', 'a call answered');
    expect(customer.invitations).toHaveLength(1);
    expect((await ok(op.workstation, 'dialer.pause', { reason: 'lunch' })).state).toBe('on_call');
    await ok(op.workstation, 'phone.hangup', { callId: talking.callId! });
    await op.until((v) => v.state === 'wrap_up', 'wrap-up');
    const paused = await ok(op.workstation, 'dialer.dispose', { dispositionId: op.saved.dispositions[0]!.id });
    expect(paused).toMatchObject({ state: 'paused', pauseReason: 'lunch' });
    await ok(op.workstation, 'dialer.ready', {});
    await op.until((v) => v.state === 'ready' || v.state === 'dialing', 'ready again');
    // The supervisor pauses the campaign, then resumes it.
    await ok(op.workstation, 'campaigns.setState', { id: op.saved.id, state: 'paused' });
    await op.until((v) => v.state === 'paused' && v.pauseReason === 'campaign_paused', 'paused with the campaign');
    await ok(op.workstation, 'campaigns.setState', { id: op.saved.id, state: 'running' });
    await op.until((v) => v.state !== 'paused', 'resumed with the campaign');
    // The line goes away and comes back.
    await ok(op.workstation, 'phone.deleteAccount', { id: op.account.id });
    await op.until((v) => v.state === 'paused' && v.pauseReason === 'phone_unregistered', 'paused while unregistered');
    await ok(op.workstation, 'phone.saveAccount', { label: 'Office', wsUrl: kamailio.wsUrl, sipUri: 'sip:op897@127.0.0.1', authUser: 'op897', password: 'secret' });
    await op.until((v) => v.state !== 'paused', 'resumed once registered');
    // An operator's own pause is not lifted by the line coming back.
    await ok(op.workstation, 'dialer.pause', { reason: 'break' });
    expect((await op.session())?.pauseReason).toBe('break');
  });
});
