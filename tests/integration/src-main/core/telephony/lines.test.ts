import { describe, expect, it } from 'vitest';
import type { ColleagueLine } from '#contract';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';

describe('colleagues’ lines by dialog events (RFC 4235) from Kamailio’s presence server', () => {
  const { kamailio, peer } = useTestPbx();

  it('shows a colleague idle, ringing, busy and idle again as calls come and go; one click transfers to them', async () => {
    const op = await registeredWorkstation(kamailio, 'op900');
    const director = await ok(op.workstation, 'employees.save', { name: 'Андрій Бондар', extension: 'boss900' });
    await ok(op.workstation, 'employees.save', { name: 'Без телефону', extension: null });
    const pushed: ColleagueLine[][] = [];
    op.workstation.events.on('phone.lines', (lines) => pushed.push(lines));
    const boss = await peer('boss900');
    boss.onInvite = 'ring';

    const first = await ok(op.workstation, 'phone.lines', {});
    expect(first).toEqual([{ employeeId: director.id, name: 'Андрій Бондар', extension: 'boss900', state: expect.stringMatching(/unknown|idle/) }]);
    const line = () => op.workstation.phone.lines()[0]?.state;
    await eventually(line, (s) => s === 'idle', 10_000, 'idle');

    const client = await peer('carol900');
    const inviter = await client.call('boss900');
    await eventually(line, (s) => s === 'ringing', 10_000, 'ringing');
    await boss.until(() => boss.invitations.length === 1);
    await boss.invitations[0]?.accept();
    await eventually(line, (s) => s === 'busy', 10_000, 'busy');
    await inviter.bye();
    await eventually(line, (s) => s === 'idle', 10_000, 'idle again');
    expect(pushed.map((lines) => lines[0]?.state).filter((s, i, all) => s !== all[i - 1])).toEqual(expect.arrayContaining(['idle', 'ringing', 'busy']));

    // The secretary passes a caller to the free colleague in one click (a blind transfer to the extension).
    boss.onInvite = 'answer';
    const caller = await peer('380671234500');
    await caller.call('op900');
    const ringing = await op.call((c) => c.state === 'ringing_in');
    await ok(op.workstation, 'phone.forward', { callId: ringing.id, target: 'boss900' });
    await boss.until(() => boss.invitations.length === 2);
    await eventually(line, (s) => s === 'busy', 10_000, 'busy with the forwarded caller');
  });
});
