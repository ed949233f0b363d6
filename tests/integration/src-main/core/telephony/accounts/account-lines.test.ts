import { afterEach, describe, expect, it } from 'vitest';
import { calls } from '#core/db/schema';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';

describe('several SIP accounts on one workstation', () => {
  const { kamailio, peer } = useTestPbx();
  const stations: RegisteredWorkstation[] = [];
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.workstation.dispose();
  });

  /** An operator with two lines: op<n> (the first) and a sales line op<n+1>. */
  async function twoLines(n: number) {
    const station = await registeredWorkstation(kamailio, `op${n}`);
    stations.push(station);
    const sales = await ok(station.workstation, 'phone.saveAccount', { label: 'Sales', wsUrl: kamailio.wsUrl, sipUri: `sip:op${n + 1}@127.0.0.1`, authUser: `op${n + 1}`, password: 'secret' });
    await eventually(() => station.workstation.phone.status.current.accounts ?? [], (lines) => lines.length === 2 && lines.every((l) => l.registration === 'registered'), 10_000, 'both lines registered');
    return { ...station, office: station.account, sales };
  }

  it('shows each account in the status, and a call placed through one stays on it', async () => {
    const op = await twoLines(860);
    expect(op.workstation.phone.status.current.accounts?.map((a) => a.account.label)).toEqual(['Office', 'Sales']);
    const bob = await peer('bob862');
    const placed = await ok(op.workstation, 'phone.dial', { target: 'bob862', accountId: op.sales.id });
    expect(placed.accountId).toBe(op.sales.id);
    await bob.until(() => bob.invitations.length === 1);
    expect(bob.invitations[0]!.remoteIdentity.uri.user).toBe('op861');
    // Through the first registered account when none is named.
    const carol = await peer('carol863');
    const second = await ok(op.workstation, 'phone.dial', { target: 'carol863' });
    expect(second.accountId).toBe(op.office.id);
    await carol.until(() => carol.invitations.length === 1);
    expect(carol.invitations[0]!.remoteIdentity.uri.user).toBe('op860');
    // The history keeps which line each call was on.
    const lines = op.workstation.database.read.select({ id: calls.interactionId, accountId: calls.accountId }).from(calls).all();
    expect(lines).toEqual(expect.arrayContaining([{ id: placed.interactionId, accountId: op.sales.id }, { id: second.interactionId, accountId: op.office.id }]));
  });

  it('transfers a call through the account it is on', async () => {
    const op = await twoLines(870);
    const bob = await peer('bob872');
    const colleague = await peer('dan873');
    const placed = await ok(op.workstation, 'phone.dial', { target: 'bob872', accountId: op.sales.id });
    await op.call((c) => c.id === placed.id && c.state === 'active');
    await ok(op.workstation, 'phone.transfer', { callId: placed.id, target: 'dan873' });
    await colleague.until(() => colleague.invitations.length === 1);
    // The REFER came from the sales line, so bob's INVITE to the colleague names it as the one who referred.
    expect(colleague.invitations[0]!.request.getHeader('Referred-By') ?? '').toContain('op871');
    await op.call((c) => c.id === placed.id && c.state === 'ended');
    expect(bob.invitations).toHaveLength(1);
  });

  it('keeps do-not-disturb per account: the office line refuses, the sales line rings', async () => {
    const op = await twoLines(880);
    const status = await ok(op.workstation, 'phone.setDoNotDisturb', { on: true, accountId: op.office.id });
    expect(status.accounts?.map((a) => [a.account.label, a.doNotDisturb])).toEqual([
      ['Office', true],
      ['Sales', false],
    ]);
    const caller = await peer('380671112288');
    await caller.call('op880');
    const refused = await op.call((c) => c.accountId === op.office.id && c.state === 'ended');
    expect(refused.detail).toBe('Do not disturb');
    await caller.call('op881');
    const ringing = await op.call((c) => c.accountId === op.sales.id && c.state === 'ringing_in');
    expect(ringing.state).toBe('ringing_in');
    // Without an account named, every line.
    const all = await ok(op.workstation, 'phone.setDoNotDisturb', { on: false });
    expect(all.accounts?.every((a) => a.doNotDisturb === false)).toBe(true);
  });
});
