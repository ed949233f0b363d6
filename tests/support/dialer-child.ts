/**
 * The app's core working a campaign in a process of its own, so a test can kill it with SIGKILL mid-campaign.
 * The data folder holds the campaign and a saved SIP account; the child waits for the line, joins the campaign
 * and works it as a plain operator: every conversation disposed of with the campaign's first disposition as
 * soon as it is in wrap-up. It prints what happens, one line each: `dialing <phone>`, `disposed <phone>
 * <attemptCallId>` once the disposition is written, and `idle` when nothing is due. The clock is the test's
 * (workingMorningClock with the same start and real start).
 * Usage: dialer-child.ts <dataDir> <campaignId> <clockStart> <realStart>
 */
import type { OperatorSession } from '#contract';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { childWorkstation } from './child-workstation';
import { workingMorningClock } from './working-morning';

const [dataDir, campaignId, clockStart, realStart] = process.argv.slice(2) as [string, string, string, string];
const workstation = childWorkstation(dataDir, { media: new StaticMediaPeer(43_000), sipKeepAliveMs: 1_000, clock: workingMorningClock(Number(clockStart), Number(realStart)) });

async function invoke(method: Parameters<typeof workstation.dispatch>[0], input: unknown): Promise<unknown> {
  const result = await workstation.dispatch(method, input, { origin: 'dialer-child' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const campaign = (await invoke('campaigns.get', { id: campaignId })) as { dispositions: { id: string }[] };
const disposing = new Set<string>();
workstation.events.on('dialer.session', (view: OperatorSession | null) => {
  if (view?.state === 'dialing' && view.entry) say(`dialing ${view.entry.phone}`);
  // After the disposition's own line: a disposition brings the session to idle before its request returns.
  if (view?.state === 'ready' && view.idleUntil !== null) setImmediate(() => say('idle'));
  if (view?.state !== 'wrap_up' || !view.entry || !view.callId || disposing.has(view.callId)) return;
  const { callId, entry } = view;
  disposing.add(callId);
  setImmediate(() =>
    void invoke('dialer.dispose', { dispositionId: campaign.dispositions[0]!.id }).then(
      () => say(`disposed ${entry.phone} ${callId}`),
      (error: unknown) => say(`error ${String(error)}`),
    ),
  );
});
while (workstation.phone.status.current.registration !== 'registered') await new Promise((resolve) => setTimeout(resolve, 25));
await invoke('dialer.join', { campaignId });
