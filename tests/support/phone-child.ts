/**
 * The app's core with its softphone (headless: a static media peer) in a process of its own, so a test
 * can kill it with SIGKILL during a call. Registers `user` at the PBX, calls `target`, and prints
 * `active <interactionId>` once the call is answered; then waits to be killed.
 * Usage: phone-child.ts <dataDir> <wsUrl> <user> <target>
 */
import { childWorkstation } from './child-workstation';
import type { CallInfo } from '#contract';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';

const [dataDir, wsUrl, user, target] = process.argv.slice(2) as [string, string, string, string];
const workstation = childWorkstation(dataDir, { media: new StaticMediaPeer(42_000) });

async function invoke(method: Parameters<typeof workstation.dispatch>[0], input: unknown): Promise<void> {
  const result = await workstation.dispatch(method, input, { origin: 'phone-child' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
}

workstation.events.on('call.updated', (call: CallInfo) => {
  if (call.state === 'active') process.stdout.write(`active ${call.interactionId}\n`);
});
await invoke('phone.saveAccount', { label: 'Office', wsUrl, sipUri: `sip:${user}@127.0.0.1`, authUser: user, password: 'secret' });
while (workstation.phone.status.current.registration !== 'registered') await new Promise((resolve) => setTimeout(resolve, 25));
await invoke('phone.dial', { target });
