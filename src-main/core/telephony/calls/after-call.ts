import { eq } from 'drizzle-orm';
import type { CallInfo, MethodOutput, MethodParams, ScreenPop } from '#contract';
import { planContact } from '#core/crm/planned-contacts';
import type { CrmContext } from '#core/crm/crm-context';
import { calls, interactions } from '#core/db/schema';
import { DomainError, notFound } from '#core/shared/errors';
import { assertWrapUpAllowed } from '#core/scripts/responses';
import { RecordingStore } from '#core/telephony/recordings';
import { screenPop } from '#core/telephony/screen-pop';
import type { CallRegistry } from './call-registry';

/**
 * What is done about a call once it rang or ended: its wrap-up, the contact it turns out to be, a message
 * for a colleague, its recording and quality. Each goes by the call's interaction in the history, so it
 * works for any call the history holds, not only those this run of the workstation saw.
 */
export class AfterCall {
  constructor(
    private readonly deps: { crm: CrmContext; registry: CallRegistry; recordings: RecordingStore },
  ) {}

  /**
   * Refused while a questionnaire of the call lacks a required answer (hanging up never is); a campaign's
   * disposition that leaves the person in the list (retry, callback) is not checked.
   */
  wrapUp(callId: string, subject: string, outcome: string | null, options: { checkQuestionnaire: boolean } = { checkQuestionnaire: true }): void {
    const interactionId = this.deps.registry.interactionOf(callId);
    if (options.checkQuestionnaire) assertWrapUpAllowed(this.deps.crm.database.read, interactionId);
    this.deps.registry.log.wrapUp(interactionId, subject, outcome, this.deps.crm.clock.now());
  }

  /** The call goes onto the contact's timeline; a call still known to the phone shows the contact at once. */
  linkContact(callId: string, contactId: string): CallInfo | null {
    const { registry } = this.deps;
    const interactionId = registry.interactionOf(callId);
    const contact = registry.contactById(contactId);
    registry.log.linkContact(interactionId, contactId);
    const call = registry.known(callId);
    if (!call) return null;
    call.contact = contact;
    registry.emit(call);
    return call.info;
  }

  /** A message for a colleague: their planned contact ("call back"), linked to the caller. */
  takeMessage(input: MethodParams<'phone.takeMessage'>): MethodOutput<'phone.takeMessage'> {
    const { crm, registry } = this.deps;
    // Usually written while the caller is still on the line, sometimes long after.
    const interactionId = registry.interactionOf(input.callId);
    const call = crm.database.read
      .select({ remoteNumber: calls.remoteNumber, remoteName: calls.remoteName, contactId: interactions.contactId })
      .from(calls)
      .innerJoin(interactions, eq(interactions.id, calls.interactionId))
      .where(eq(calls.interactionId, interactionId))
      .get();
    if (!call) throw notFound('Call', input.callId);
    // The colleague's planned contact is a calendar item: their calendar and reminder, the caller's timeline.
    const messageId = crm.database.write((tx) =>
      planContact(crm, tx, {
        kind: 'planned',
        occurredAt: input.callBackAt ?? crm.clock.now() + 30 * 60_000,
        employeeId: input.forEmployeeId,
        contactId: call.contactId,
        companyId: null,
        dealId: null,
        complaintId: null,
        subject: `${input.text} (${call.remoteName ?? call.remoteNumber}, ${call.remoteNumber})`,
        durationSeconds: null,
      }),
    );
    return { interactionId: messageId };
  }

  screenPop(callId: string): ScreenPop {
    const call = this.deps.registry.get(callId);
    const { crm } = this.deps;
    return screenPop(crm.database.read, { callId, number: call.remoteNumber, displayName: call.remoteName }, crm.settings().workingCountries, crm.clock.now());
  }

  /**
   * The next piece of a call's recording from the window. Only calls of a recording account, and
   * only once answered; pieces for a call that just ended are still taken (the recorder flushes last).
   */
  appendRecording(callId: string, recorderId: string, seq: number, bytes: Buffer): void {
    const call = this.deps.registry.known(callId);
    if (!call?.interactionId) throw notFound('Call', callId);
    if (!call.recording) throw new DomainError('conflict', 'recording_off', 'This call is not being recorded (recording is off for its account)');
    if (call.answeredAt === null) throw new DomainError('conflict', 'recording_needs_answer', 'A call is recorded only once answered');
    if (!this.deps.recordings.append(call.interactionId, recorderId, seq, bytes) || seq > 0) return;
    this.deps.registry.log.recorded(call.interactionId, RecordingStore.fileName(call.interactionId));
    call.recording = { announce: false };
  }

  recordQuality(callId: string, q: { jitterMs: number; packetLossPercent: number; roundTripMs: number; mos: number }): void {
    const call = this.deps.registry.known(callId);
    if (call?.interactionId && call.state !== 'ended') this.deps.registry.log.quality(call.interactionId, q);
  }
}
