import type { Workstation } from '#core/app/workstation';
import { calls, interactions } from '#core/db/schema';

let nextCall = 0;

/** An answered call of `operatorId` stored as the phone stores one (interaction + telephony facts), optionally recorded. */
export function answeredCall(workstation: Workstation, call: { operatorId: string | null; startedAt: number; talkSeconds?: number; recordingFile?: string | null }): string {
  const id = `qa-call-${++nextCall}-${call.startedAt}`;
  workstation.database.write((tx) => {
    tx.insert(interactions).values({ id, kind: 'call', direction: 'in', occurredAt: call.startedAt, employeeId: call.operatorId, durationSeconds: call.talkSeconds ?? 120, createdAt: call.startedAt }).run();
    tx.insert(calls)
      .values({
        interactionId: id,
        direction: 'in',
        remoteNumber: '+380671234567',
        remoteKey: '+380671234567',
        startedAt: call.startedAt,
        answeredAt: call.startedAt + 5_000,
        endedAt: call.startedAt + 5_000 + (call.talkSeconds ?? 120) * 1000,
        disposition: 'answered',
        employeeId: call.operatorId,
        talkSeconds: call.talkSeconds ?? 120,
        recordingFile: call.recordingFile ?? null,
      })
      .run();
  });
  return id;
}
