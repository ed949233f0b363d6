import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { runSipp } from '#tests/support/sip/sipp';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { plainSdp, UdpCaller } from '#tests/support/sip/udp-caller';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';

/**
 * One caller, every way carriers write them: From, P-Asserted-Identity, Remote-Party-ID, tel: and
 * sip:…;user=phone URIs, URL escapes, national forms with and without the trunk prefix, the "+" lost.
 * A Ukrainian office (working countries UA, RU) with a client in Yekaterinburg and one in Kyiv.
 */
describe('caller ID through the real Kamailio, every written form', () => {
  const { kamailio, peer } = useTestPbx();
  const data = tempDirOutsideTest();
  let op: RegisteredWorkstation;
  let caller: UdpCaller;
  let petrov: string;
  let shevchenko: string;

  beforeAll(async () => {
    op = await registeredWorkstation(kamailio, 'op960', {}, (options) => createSuiteWorkstation(data.path, options));
    petrov = (await ok(op.workstation, 'contacts.create', { lastName: 'Петров', firstName: 'Иван', phones: [{ kind: 'work', raw: '+7 (343) 288-22-10' }] })).id;
    shevchenko = (await ok(op.workstation, 'contacts.create', { lastName: 'Шевченко', firstName: 'Тарас', phones: [{ kind: 'work', raw: '044 123 45 67' }] })).id;
    caller = new UdpCaller(kamailio.udpPort, 'op960');
    await caller.start();
  });

  afterAll(async () => {
    await caller.stop();
    await op.workstation.dispose();
    data.remove();
  });

  const ringing = () => op.workstation.phone.registry.list().filter((c) => c.state === 'ringing_in');
  afterEach(async () => {
    await eventually(ringing, (calls) => calls.length === 0, 10_000, 'the previous call gone');
  });

  const from = (user: string) => ({ From: `<sip:${user}@127.0.0.1>;tag=f${Math.random().toString(36).slice(2, 8)}` });
  const cases: [string, Record<string, string>, () => string, string][] = [
    ['E.164 in From', from('+73432882210'), () => petrov, '+73432882210'],
    ['national with the trunk prefix (8…)', from('83432882210'), () => petrov, '+73432882210'],
    ['national without the trunk prefix', from('3432882210'), () => petrov, '+73432882210'],
    ['the "+" lost by a trunk', from('73432882210'), () => petrov, '+73432882210'],
    ['a tel: URI in From', { From: '<tel:+7-343-288-22-10>;tag=t1' }, () => petrov, '+73432882210'],
    ['sip:…;user=phone', { From: '<sip:+73432882210@127.0.0.1;user=phone>;tag=u1' }, () => petrov, '+73432882210'],
    ['a URL-escaped P-Asserted-Identity', { ...from('anonymous'), 'P-Asserted-Identity': '<sip:+7%20(343)%20288-22-10@127.0.0.1;user=phone>' }, () => petrov, '+73432882210'],
    ['Remote-Party-ID', { ...from('anonymous'), 'Remote-Party-ID': '"Петров" <sip:83432882210@127.0.0.1>;party=calling' }, () => petrov, '+73432882210'],
    ['a Ukrainian number in its national form', from('0441234567'), () => shevchenko, '+380441234567'],
    ['a Ukrainian number with its country code but no "+"', from('380441234567'), () => shevchenko, '+380441234567'],
  ];

  it.each(cases)('%s pops the right client, and the history keeps one canonical number beside the raw header', async (_name, headers, who, canonical) => {
    const sent = caller.invite({ name: 'caller-id', headers, body: plainSdp });
    const [call] = await eventually(ringing, (calls) => calls.length === 1, 10_000, 'a ringing call');
    expect(call).toMatchObject({ remoteNumber: canonical, contact: { id: who() } });
    const pop = await ok(op.workstation, 'phone.screenPop', { callId: call?.id ?? '' });
    expect(pop.contacts.map((c) => c.id)).toEqual([who()]);
    caller.cancel(sent);
    await eventually(ringing, (calls) => calls.length === 0, 10_000, 'cancelled');
    const row = op.workstation.database.sqlite.prepare('SELECT remote_number, remote_raw, disposition FROM calls WHERE interaction_id = ?').get(call?.interactionId) as { remote_number: string; remote_raw: string; disposition: string };
    expect(row).toMatchObject({ remote_number: canonical, disposition: 'missed' });
    expect(row.remote_raw).toBe(Object.values(headers).find((h) => h.includes('%') || h.includes('party') || h.startsWith('<tel')) ?? headers.From);
  });

  it('says so when two different clients share the number', async () => {
    const twin = await ok(op.workstation, 'contacts.create', { lastName: 'Петрова', firstName: 'Мария', phones: [{ kind: 'mobile', raw: '8 343 288 22 10' }] });
    const sent = caller.invite({ name: 'shared', headers: from('83432882210'), body: plainSdp });
    const [call] = await eventually(ringing, (calls) => calls.length === 1, 10_000, 'a ringing call');
    const pop = await ok(op.workstation, 'phone.screenPop', { callId: call?.id ?? '' });
    expect(pop.contacts.map((c) => c.id).sort()).toEqual([petrov, twin.id].sort());
    caller.cancel(sent);
    await ok(op.workstation, 'contacts.update', { id: twin.id, contact: { lastName: 'Петрова', firstName: 'Мария', phones: [{ kind: 'mobile', raw: '8 343 288 22 19' }] } });
  });

  it('a sip.js caller with a P-Asserted-Identity in national form', async () => {
    const trunk = await peer('trunk961');
    await trunk.call('op960', ['P-Asserted-Identity: <sip:8-343-288-22-10@127.0.0.1>']);
    const [call] = await eventually(ringing, (calls) => calls.length === 1, 10_000, 'a ringing call');
    expect(call).toMatchObject({ remoteNumber: '+73432882210', contact: { id: petrov } });
    await trunk.stop();
  });

  it('sipp as a trunk sending the national form in From and P-Asserted-Identity', async () => {
    op.workstation.events.on('call.ringing', ({ call }) => {
      if (call.remoteNumber === '+73432882210') void ok(op.workstation, 'phone.answer', { callId: call.id }).catch(() => undefined);
    });
    const run = await runSipp(kamailio, 'inbound-call.xml', { service: 'op960', keys: { caller: '3432882210', caller_name: 'Petrov' } });
    expect(run.exitCode, run.output + run.errors).toBe(0);
    const page = await eventually(() => ok(op.workstation, 'calls.history', {}), (p) => p.rows[0]?.disposition === 'answered', 5_000, 'logged call');
    expect(page.rows[0]).toMatchObject({ remoteNumber: '+73432882210', contactId: petrov });
  });
});
