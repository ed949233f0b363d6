import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { registeredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { callApi } from '#tests/support/workstation';

// What the window's recorder sends: WebM (EBML header first), here a few made-up bytes after it.
const recorderId = 'window-recorder-1';
const piece = (n: number) => Buffer.concat([n === 0 ? Buffer.from([0x1a, 0x45, 0xdf, 0xa3]) : Buffer.alloc(0), Buffer.from(`piece ${n};`)]).toString('base64');

describe('call recordings', () => {
  const { kamailio, peer } = useTestPbx();

  async function answeredCall(user: string, record: boolean) {
    const op = await registeredWorkstation(kamailio, user, { record, consentAnnouncement: true });
    const client = await ok(op.workstation, 'contacts.create', { lastName: 'Кравець', firstName: 'Ольга', phones: [{ kind: 'mobile', raw: '063 555 44 33' }] });
    const caller = await peer('380635554433');
    await caller.call(user);
    const ringing = await op.call((c) => c.state === 'ringing_in');
    expect(ringing.recording).toEqual(record ? { announce: true } : null);
    await ok(op.workstation, 'phone.answer', { callId: ringing.id });
    const active = await op.call((c) => c.id === ringing.id && c.state === 'active');
    return { op, client, call: active };
  }

  it('writes the pieces in order into the data folder, links the file to the call, and plays it back', async () => {
    const { op, client, call } = await answeredCall('op820', true);
    const early = await callApi(op.workstation, 'recording.append', { callId: call.id, recorderId, seq: 1, chunkBase64: piece(1) });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Recording piece 1 arrived before piece 0' } });
    for (const seq of [0, 0, 1, 2]) await ok(op.workstation, 'recording.append', { callId: call.id, recorderId, seq, chunkBase64: piece(seq) });
    await ok(op.workstation, 'phone.hangup', { callId: call.id });
    await op.call((c) => c.id === call.id && c.state === 'ended');
    // The recorder's last piece comes after the call ended.
    await ok(op.workstation, 'recording.append', { callId: call.id, recorderId, seq: 3, chunkBase64: piece(3) });

    const file = join(dirname(op.workstation.database.file), 'recordings', `${call.interactionId}.webm`);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    expect(bytes.subarray(4).toString()).toBe('piece 0;piece 1;piece 2;piece 3;');

    const timeline = await ok(op.workstation, 'timeline.list', { contactId: client.id });
    expect(timeline.items[0]).toMatchObject({ id: call.interactionId, call: { disposition: 'answered', hasRecording: true } });
    const played = await ok(op.workstation, 'recording.get', { interactionId: call.interactionId as string });
    expect(Buffer.from(played.chunkBase64, 'base64')).toEqual(bytes);
    expect(played.nextOffset).toBeNull();
    expect((await ok(op.workstation, 'calls.history', {})).rows[0]).toMatchObject({ hasRecording: true });
  });

  it('a window reloaded mid-call continues the recording in a second part, without announcing again', async () => {
    const { op, call } = await answeredCall('op823', true);
    for (const seq of [0, 1]) await ok(op.workstation, 'recording.append', { callId: call.id, recorderId, seq, chunkBase64: piece(seq) });
    // The reloaded window learns the recording has begun: no second consent beeps.
    expect((await ok(op.workstation, 'phone.calls', {})).find((c) => c.id === call.id)?.recording).toEqual({ announce: false });

    const reloaded = 'window-recorder-2';
    for (const seq of [0, 1, 1]) await ok(op.workstation, 'recording.append', { callId: call.id, recorderId: reloaded, seq, chunkBase64: piece(seq) });
    // The replaced recorder's late pieces (or a retried first piece) are refused, not spliced in.
    for (const seq of [2, 0]) {
      expect(await callApi(op.workstation, 'recording.append', { callId: call.id, recorderId, seq, chunkBase64: piece(seq) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    await ok(op.workstation, 'phone.hangup', { callId: call.id });
    await ok(op.workstation, 'recording.append', { callId: call.id, recorderId: reloaded, seq: 2, chunkBase64: piece(2) });

    const first = await ok(op.workstation, 'recording.get', { interactionId: call.interactionId as string });
    expect(first).toMatchObject({ parts: 2, fileName: `${call.interactionId}.webm` });
    expect(Buffer.from(first.chunkBase64, 'base64').subarray(4).toString()).toBe('piece 0;piece 1;');
    const second = await ok(op.workstation, 'recording.get', { interactionId: call.interactionId as string, part: 2 });
    expect(second).toMatchObject({ parts: 2, fileName: `${call.interactionId}.2.webm` });
    expect(Buffer.from(second.chunkBase64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    expect(Buffer.from(second.chunkBase64, 'base64').subarray(4).toString()).toBe('piece 0;piece 1;piece 2;');
    expect(await callApi(op.workstation, 'recording.get', { interactionId: call.interactionId as string, part: 3 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses pieces for a call whose account does not record, and for unknown calls', async () => {
    const { op, call } = await answeredCall('op821', false);
    expect(await callApi(op.workstation, 'recording.append', { callId: call.id, recorderId, seq: 0, chunkBase64: piece(0) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await callApi(op.workstation, 'recording.append', { callId: 'no-such-call', recorderId, seq: 0, chunkBase64: piece(0) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callApi(op.workstation, 'recording.append', { callId: call.id, recorderId, seq: 0, chunkBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(existsSync(join(dirname(op.workstation.database.file), 'recordings', `${call.interactionId}.webm`))).toBe(false);
  });

  it('erasing the person deletes their recordings and the number from their calls', async () => {
    const { op, client, call } = await answeredCall('op822', true);
    await ok(op.workstation, 'recording.append', { callId: call.id, recorderId, seq: 0, chunkBase64: piece(0) });
    await ok(op.workstation, 'recording.append', { callId: call.id, recorderId: 'window-recorder-2', seq: 0, chunkBase64: piece(0) });
    await ok(op.workstation, 'phone.hangup', { callId: call.id });
    await op.call((c) => c.id === call.id && c.state === 'ended');
    const file = join(dirname(op.workstation.database.file), 'recordings', `${call.interactionId}.webm`);
    const secondPart = file.replace(/\.webm$/, '.2.webm');
    expect(existsSync(file) && existsSync(secondPart)).toBe(true);
    const erasure = await ok(op.workstation, 'privacy.erase', { contactId: client.id, reason: 'Request of 22.11', confirmName: 'Кравець Ольга' });
    expect(erasure.counts).toMatchObject({ recordings: 1 });
    expect(existsSync(file) || existsSync(secondPart)).toBe(false);
    const row = (await ok(op.workstation, 'calls.history', {})).rows[0];
    expect(row).toMatchObject({ remoteNumber: '[erased]', contactId: null, hasRecording: false, disposition: 'answered' });
    expect(await callApi(op.workstation, 'recording.get', { interactionId: call.interactionId as string })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
