import { afterEach, describe, expect, it } from 'vitest';
import { SessionState } from 'sip.js';
import type { CallInfo } from '#contract';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { watchSipWire } from '#tests/support/sip/wire-tap';
import { callApi } from '#tests/support/workstation';
import { ok } from '#tests/support/crm';

describe('calls through a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();
  const stations: RegisteredWorkstation[] = [];
  let nextUser = 600;
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.workstation.dispose();
  });

  async function operator(): Promise<RegisteredWorkstation & { user: string }> {
    const user = `op${nextUser++}`;
    const station = await registeredWorkstation(kamailio, user);
    stations.push(station);
    return { ...station, user };
  }

  async function callRow(station: RegisteredWorkstation, call: CallInfo) {
    const page = await ok(station.workstation, 'calls.history', { limit: 50 });
    return page.rows.find((r) => r.id === call.interactionId);
  }

  async function dialAndConnect(station: RegisteredWorkstation, target: string) {
    const placed = await ok(station.workstation, 'phone.dial', { target });
    return station.call((c) => c.id === placed.id && c.state === 'active');
  }

  it('answers the PBX’s digest challenge on INVITE (407) with the account’s credentials, and the call connects', async () => {
    const op = await operator();
    await peer('bob599');
    const wire = watchSipWire();
    try {
      const active = await dialAndConnect(op, 'bob599');
      const statuses = wire.messages().filter((m) => m.direction === 'in' && /^CSeq:\s*\d+ INVITE/im.test(m.text)).map((m) => m.text.split(' ')[1]);
      expect(statuses).toContain('407');
      const invites = wire.messages().filter((m) => m.direction === 'out' && m.text.startsWith('INVITE sip:bob599@'));
      expect(invites.length).toBeGreaterThanOrEqual(2);
      expect(invites.at(-1)?.text).toMatch(/^Proxy-Authorization: Digest /m);
      await ok(op.workstation, 'phone.hangup', { callId: active.id });
    } finally {
      wire.restore();
    }
  });

  it('places an outbound call, the other side answers, we hang up; the history has it', async () => {
    const op = await operator();
    const bob = await peer('bob601');
    const active = await dialAndConnect(op, 'bob601');
    expect(active).toMatchObject({ direction: 'out', remoteNumber: 'bob601' });
    await ok(op.workstation, 'phone.hangup', { callId: active.id });
    await op.call((c) => c.id === active.id && c.state === 'ended');
    expect(bob.invitations).toHaveLength(1);
    await eventually(() => callRow(op, active), (row) => row?.disposition === 'answered', 5_000, 'history row');
    expect(await callRow(op, active)).toMatchObject({ direction: 'out', remoteNumber: 'bob601', endedBy: 'local', employeeName: 'Оксана Литвин' });
  });

  it('shows who is calling before answering: caller ID from the From header matched to the stored contact in another format', async () => {
    const op = await operator();
    const company = await ok(op.workstation, 'companies.create', { name: 'ТОВ «Агросвіт»' });
    const olha = await ok(op.workstation, 'contacts.create', { lastName: 'Мельник', firstName: 'Ольга', companyId: company.id, phones: [{ kind: 'mobile', raw: '067 111 22 33' }], tags: ['VIP'] });
    await ok(op.workstation, 'interactions.create', { kind: 'meeting', occurredAt: Date.now() - 86_400_000, contactId: olha.id, subject: 'Обговорили поставку насіння' });
    const ringing: unknown[] = [];
    op.workstation.events.on('call.ringing', (r) => ringing.push(r));
    // The PBX sends the number with the country code and no plus.
    const caller = await peer('380671112233');
    const inviter = await caller.call(op.user);
    const incoming = await op.call((c) => c.state === 'ringing_in');
    expect(incoming.contact).toMatchObject({ id: olha.id, fullName: expect.stringContaining('Ольга'), companyName: 'ТОВ «Агросвіт»' });
    expect(ringing[0]).toMatchObject({
      call: { id: incoming.id },
      screenPop: {
        contacts: [{ id: olha.id, tags: ['VIP'] }],
        companies: [{ id: company.id }],
        lastInteractions: [expect.objectContaining({ subject: 'Обговорили поставку насіння' })],
      },
    });
    expect(await ok(op.workstation, 'phone.screenPop', { callId: incoming.id })).toMatchObject({ contacts: [{ id: olha.id }] });

    await ok(op.workstation, 'phone.answer', { callId: incoming.id });
    await op.call((c) => c.id === incoming.id && c.state === 'active');
    await caller.until(() => inviter.state === SessionState.Established);
    await inviter.bye();
    const ended = await op.call((c) => c.id === incoming.id && c.state === 'ended');
    expect(ended.endedBy).toBe('remote');
    await ok(op.workstation, 'phone.wrapUp', { callId: incoming.id, subject: 'Питала про ціни', outcome: 'Надіслати прайс' });
    const timeline = await ok(op.workstation, 'timeline.list', { contactId: olha.id });
    expect(timeline.items[0]).toMatchObject({ kind: 'call', direction: 'in', subject: 'Питала про ціни', outcome: 'Надіслати прайс', company: { id: company.id } });
    expect(await callRow(op, incoming)).toMatchObject({ disposition: 'answered', endedBy: 'remote', contactId: olha.id });
  });

  it('prefers P-Asserted-Identity over From for caller ID', async () => {
    const op = await operator();
    const ivan = await ok(op.workstation, 'contacts.create', { lastName: 'Коваль', firstName: 'Іван', phones: [{ kind: 'work', raw: '+380 44 200 10 20' }] });
    const trunk = await peer('trunk602');
    await trunk.call(op.user, ['P-Asserted-Identity: <sip:0442001020@127.0.0.1>']);
    const incoming = await op.call((c) => c.state === 'ringing_in');
    // Stored in one canonical form, whatever the PBX sent.
    expect(incoming).toMatchObject({ remoteNumber: '+380442001020', contact: { id: ivan.id } });
  });

  it('holds and resumes with re-INVITEs whose directions say so, and sends DTMF by SIP INFO without window audio', async () => {
    const op = await operator();
    const bob = await peer('bob603');
    const active = await dialAndConnect(op, 'bob603');
    const held = await ok(op.workstation, 'phone.hold', { callId: active.id });
    expect(held.state).toBe('held');
    const resumed = await ok(op.workstation, 'phone.resume', { callId: active.id });
    expect(resumed.state).toBe('active');
    // A re-INVITE that met the other side's open transaction is offered again (a retry), so read
    // the answers: each is what the other side agreed to.
    const ours = op.media.log.filter((l) => l.callId === active.id);
    expect(ours.filter((l) => l.kind === 'remote-answer').map((l) => l.direction)).toEqual(['sendrecv', 'recvonly', 'sendrecv']);
    expect(ours.filter((l) => l.kind === 'offer').map((l) => l.direction)).toEqual(expect.arrayContaining(['sendrecv', 'sendonly']));
    const theirs = bob.media.log.map((l) => `${l.kind}:${l.direction}`);
    expect(theirs).toEqual(expect.arrayContaining(['remote-offer:sendonly', 'answer:recvonly']));

    expect(await ok(op.workstation, 'phone.dtmf', { callId: active.id, tones: '1#' })).toEqual({ via: 'info' });
    await bob.until(() => bob.infos.length === 2);
    expect(bob.infos[0]).toContain('Signal=1');
    expect(bob.infos[1]).toContain('Signal=#');
  });

  it('refuses commands that do not fit the call state, with a typed error, and changes nothing', async () => {
    const op = await operator();
    await peer('bob604');
    const active = await dialAndConnect(op, 'bob604');
    const resume = await callApi(op.workstation, 'phone.resume', { callId: active.id });
    expect(resume).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The call is not on hold' } });
    const unknown = await callApi(op.workstation, 'phone.hangup', { callId: 'no-such-call' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const badTones = await callApi(op.workstation, 'phone.dtmf', { callId: active.id, tones: '12x' });
    expect(badTones).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((await ok(op.workstation, 'phone.calls', {}))[0]).toMatchObject({ id: active.id, state: 'active' });
  });

  it('transfers blind: the other side is REFERred to the colleague, our call ends as transferred', async () => {
    const op = await operator();
    const bob = await peer('bob605');
    const carol = await peer('carol605');
    const active = await dialAndConnect(op, 'bob605');
    await ok(op.workstation, 'phone.transfer', { callId: active.id, target: 'carol605' });
    await op.call((c) => c.id === active.id && c.state === 'ended');
    await carol.until(() => carol.invitations.length === 1);
    expect(bob.referTargets[0]).toContain('carol605');
    expect(carol.invitations[0]?.remoteIdentity.uri.user).toBe('bob605');
    await eventually(() => callRow(op, active), (row) => row?.disposition === 'transferred', 5_000, 'transferred');
  });

  it('transfers attended: consults the colleague on a second call, then joins the two (REFER with Replaces)', async () => {
    const op = await operator();
    const bob = await peer('bob606');
    const carol = await peer('carol606');
    const first = await dialAndConnect(op, 'bob606');
    await ok(op.workstation, 'phone.hold', { callId: first.id });
    const consult = await dialAndConnect(op, 'carol606');
    await ok(op.workstation, 'phone.attendedTransfer', { callId: first.id, toCallId: consult.id });
    await op.call((c) => c.id === first.id && c.state === 'ended');
    await op.call((c) => c.id === consult.id && c.state === 'ended');
    // Bob called Carol with Replaces; Carol's phone swapped our consultation for Bob.
    await carol.until(() => carol.invitations.length === 2);
    expect(carol.invitations[1]?.request.getHeader('Replaces')).toBeTruthy();
    expect(carol.invitations[1]?.remoteIdentity.uri.user).toBe('bob606');
    expect(bob.referTargets[0]).toContain('?Replaces=');
  });

  it('call waiting: a second call rings during a call; answering it puts the first on hold', async () => {
    const op = await operator();
    await peer('bob607');
    const first = await dialAndConnect(op, 'bob607');
    const carol = await peer('carol607');
    await carol.call(op.user);
    const second = await op.call((c) => c.state === 'ringing_in');
    expect((await ok(op.workstation, 'phone.calls', {})).map((c) => c.state).sort()).toEqual(['active', 'ringing_in']);
    await ok(op.workstation, 'phone.answer', { callId: second.id, holdOthers: true });
    await op.call((c) => c.id === second.id && c.state === 'active');
    const states = Object.fromEntries((await ok(op.workstation, 'phone.calls', {})).map((c) => [c.id, c.state]));
    expect(states).toEqual({ [first.id]: 'held', [second.id]: 'active' });
    // Back to the first: the second goes on hold.
    await ok(op.workstation, 'phone.resume', { callId: first.id });
    const after = Object.fromEntries((await ok(op.workstation, 'phone.calls', {})).map((c) => [c.id, c.state]));
    expect(after).toEqual({ [first.id]: 'active', [second.id]: 'held' });
  });

  it('joins the current call and a held one into a conference, and splits it again', async () => {
    const op = await operator();
    await peer('bob613');
    await peer('carol613');
    const first = await dialAndConnect(op, 'bob613');
    // Dialling a second number puts the first on hold by itself.
    const second = await dialAndConnect(op, 'carol613');
    const states = async () => Object.fromEntries((await ok(op.workstation, 'phone.calls', {})).map((c) => [c.id, `${c.state}${c.conference ? '+conf' : ''}`]));
    expect(await states()).toEqual({ [first.id]: 'held', [second.id]: 'active' });
    await ok(op.workstation, 'phone.conference', { callIds: [second.id, first.id] });
    expect(await states()).toEqual({ [first.id]: 'active+conf', [second.id]: 'active+conf' });
    await ok(op.workstation, 'phone.split', { callId: first.id });
    expect(await states()).toEqual({ [first.id]: 'active', [second.id]: 'held' });
    // Joined again; when one party leaves, the other stays on the line, no longer in a conference.
    await ok(op.workstation, 'phone.conference', { callIds: [first.id, second.id] });
    await ok(op.workstation, 'phone.hangup', { callId: second.id });
    await op.call((c) => c.id === second.id && c.state === 'ended');
    expect(await states()).toEqual({ [first.id]: 'active' });
    const refused = await callApi(op.workstation, 'phone.split', { callId: first.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The call is not in a conference' } });
  });

  it('call waiting: the second call can be rejected and the first goes on', async () => {
    const op = await operator();
    await peer('bob608');
    const first = await dialAndConnect(op, 'bob608');
    const carol = await peer('carol608');
    const inviter = await carol.call(op.user);
    const second = await op.call((c) => c.state === 'ringing_in');
    await ok(op.workstation, 'phone.reject', { callId: second.id });
    await carol.until(() => inviter.state === SessionState.Terminated);
    expect((await ok(op.workstation, 'phone.calls', {})).map((c) => [c.id, c.state])).toEqual([[first.id, 'active']]);
    await eventually(() => callRow(op, second), (row) => row?.disposition === 'rejected', 5_000, 'rejected');
  });

  it('busy: the other side answers 486 and the history says busy', async () => {
    const op = await operator();
    const bob = await peer('bob609');
    bob.onInvite = 'busy';
    const placed = await ok(op.workstation, 'phone.dial', { target: 'bob609' });
    const ended = await op.call((c) => c.id === placed.id && c.state === 'ended');
    expect(ended.detail).toMatch(/^486/);
    await eventually(() => callRow(op, placed), (row) => row?.disposition === 'busy', 5_000, 'busy');
  });

  it('an unknown number is answered 404 by the PBX and logged as failed, not as a crash', async () => {
    const op = await operator();
    const placed = await ok(op.workstation, 'phone.dial', { target: 'nobody610' });
    const ended = await op.call((c) => c.id === placed.id && c.state === 'ended');
    expect(ended.detail).toMatch(/^404/);
    await eventually(() => callRow(op, placed), (row) => row?.disposition === 'failed', 5_000, 'failed');
  });

  it('the caller gives up before we answer: a missed call on the badge until we call back', async () => {
    const op = await operator();
    const caller = await peer('380501234567');
    const inviter = await caller.call(op.user);
    const ringing = await op.call((c) => c.state === 'ringing_in');
    await inviter.cancel();
    const ended = await op.call((c) => c.id === ringing.id && c.state === 'ended');
    expect(ended).toMatchObject({ endedBy: 'remote', detail: expect.stringContaining('hung up') });
    await eventually(() => callRow(op, ringing), (row) => row?.disposition === 'missed', 5_000, 'missed');
    expect(await ok(op.workstation, 'calls.missed', {})).toMatchObject({ count: 1 });
    const missedPage = await ok(op.workstation, 'calls.history', { missed: true });
    expect(missedPage.rows.map((r) => [r.id, r.returned])).toEqual([[ringing.interactionId, false]]);

    // Calling back in another format of the same number clears the badge.
    const back = await dialAndConnect(op, '050 123 45 67');
    await ok(op.workstation, 'phone.hangup', { callId: back.id });
    expect(await ok(op.workstation, 'calls.missed', {})).toMatchObject({ count: 0 });
    expect((await ok(op.workstation, 'calls.history', { missed: true })).rows[0]?.returned).toBe(true);
  });

  it('do-not-disturb answers busy and keeps the call as missed', async () => {
    const op = await operator();
    expect(await ok(op.workstation, 'phone.setDoNotDisturb', { on: true })).toMatchObject({ doNotDisturb: true, registration: 'registered' });
    const caller = await peer('bob611');
    const inviter = await caller.call(op.user);
    await caller.until(() => inviter.state === SessionState.Terminated);
    const ended = await op.call((c) => c.state === 'ended');
    expect(ended.detail).toBe('Do not disturb');
    await eventually(() => callRow(op, ended), (row) => row?.disposition === 'missed', 5_000, 'missed');
  });

  it('screens a call for a colleague: forward to their extension, or take a message that becomes their task', async () => {
    const op = await operator();
    const director = await ok(op.workstation, 'employees.save', { name: 'Андрій Бондар', extension: '612' });
    const boss = await peer('boss612');
    const caller = await peer('380931112244');
    await caller.call(op.user);
    const first = await op.call((c) => c.state === 'ringing_in');
    await ok(op.workstation, 'phone.forward', { callId: first.id, target: 'boss612' });
    await op.call((c) => c.id === first.id && c.state === 'ended');
    await boss.until(() => boss.invitations.length === 1);
    expect(boss.invitations[0]?.remoteIdentity.uri.user).toBe('380931112244');

    // The caller tries again later; the director is away, the secretary takes a message.
    await caller.call(op.user);
    const second = await op.call((c) => c.state === 'ringing_in' && c.id !== first.id);
    await ok(op.workstation, 'phone.answer', { callId: second.id });
    const client = await ok(op.workstation, 'contacts.create', { lastName: 'Гнатюк', firstName: 'Марія', phones: [{ kind: 'mobile', raw: '093 111 22 44' }] });
    await ok(op.workstation, 'phone.linkContact', { callId: second.id, contactId: client.id });
    const message = await ok(op.workstation, 'phone.takeMessage', { callId: second.id, forEmployeeId: director.id, text: 'Передзвонити щодо договору' });
    const timeline = await ok(op.workstation, 'timeline.list', { contactId: client.id });
    const task = timeline.items.find((i) => i.id === message.interactionId);
    expect(task).toMatchObject({ kind: 'planned', employeeId: director.id, subject: expect.stringContaining('Передзвонити щодо договору') });
    expect(timeline.items.some((i) => i.id === second.interactionId && i.kind === 'call')).toBe(true);
    // It is the director's: in their calendar, with its reminder.
    const theirs = await ok(op.workstation, 'calendar.forRecord', { contactId: client.id });
    expect(theirs).toEqual([expect.objectContaining({ eventId: message.interactionId, ownerId: director.id, kind: 'interaction', reminderMinutes: 15 })]);
  });
});

describe('a call nobody answers', () => {
  const { kamailio, peer } = useTestPbx({ inviteTimeoutMs: 1_500 });

  it('rings out at the PBX (408) and is logged as no answer', async () => {
    const op = await registeredWorkstation(kamailio, 'op700');
    const bob = await peer('bob700');
    bob.onInvite = 'ring';
    try {
      const placed = await ok(op.workstation, 'phone.dial', { target: 'bob700' });
      await op.call((c) => c.id === placed.id && c.state === 'ringing_out');
      const ended = await op.call((c) => c.id === placed.id && c.state === 'ended');
      expect(ended.detail).toMatch(/^408/);
      const page = await ok(op.workstation, 'calls.history', {});
      expect(page.rows[0]).toMatchObject({ id: placed.interactionId, disposition: 'no_answer', durationSeconds: 0 });
    } finally {
      await op.workstation.dispose();
    }
  });
});
