import type { CallInfo, PhoneStatus } from '#contract';
import type { Workstation, WorkstationOptions } from '#core/app/workstation';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { ok } from '#tests/support/crm';
import { createTestWorkstation } from '#tests/support/workstation';
import type { TestKamailio } from './kamailio';

/** Polls until the condition holds (SIP events arrive asynchronously). */
export async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await read();
  }
  return last;
}

/**
 * The workstation's core with its softphone registered at the test Kamailio, headless (a static
 * media peer instead of a window). Returns it with helpers that read what the operator would see.
 */
export async function registeredWorkstation(
  kamailio: Pick<TestKamailio, 'wsUrl'>,
  user = 'op101',
  account: { record?: boolean; consentAnnouncement?: boolean } = {},
  /** createTestWorkstation (disposed after the test) by default; a suite-long one for beforeAll. */
  create: (options: Partial<WorkstationOptions>) => Workstation = createTestWorkstation,
) {
  const media = new StaticMediaPeer(40_000);
  const workstation = create({ media, sipKeepAliveMs: 1_000, clock: { now: () => Date.now() } });
  const me = await ok(workstation, 'employees.save', { name: 'Оксана Литвин', extension: '101' });
  await ok(workstation, 'settings.update', { currentEmployeeId: me.id, workingCountries: ['UA', 'RU'] });
  const statuses: PhoneStatus[] = [];
  const updates: CallInfo[] = [];
  workstation.events.on('phone.status', (s) => statuses.push(s));
  workstation.events.on('call.updated', (c) => updates.push(c));
  const saved = await ok(workstation, 'phone.saveAccount', { label: 'Office', wsUrl: kamailio.wsUrl, sipUri: `sip:${user}@127.0.0.1`, authUser: user, password: 'secret', ...account });
  await eventually(() => workstation.phone.status.current.registration, (r) => r === 'registered', 10_000, 'registration');
  const call = (predicate: (c: CallInfo) => boolean) => eventually(() => updates.filter(predicate).at(-1), (c) => c !== undefined, 10_000, 'call update') as Promise<CallInfo>;
  return { workstation, media, account: saved, statuses, updates, call, me };
}

export type RegisteredWorkstation = Awaited<ReturnType<typeof registeredWorkstation>>;
export type { Workstation };
