/**
 * The app's core sending its calendar outbox, in a process of its own so a test can kill it with SIGKILL
 * mid-push. The clock stands still at the given instant (the items' own "now", so their outbox rows are due).
 * Prints `syncing` before it starts and `synced` if it ever finishes. Usage: calendar-sync-child.ts <dataDir> <nowMs> <zone>
 */
import { manualClock } from '#core/shared/clock';
import { childWorkstation } from './child-workstation';

const [dataDir, nowMs, zone] = process.argv.slice(2) as [string, string, string];
const workstation = childWorkstation(dataDir, { clock: manualClock(Number(nowMs)), timeZone: zone, startCalendarSync: false });

process.stdout.write('syncing\n');
const result = await workstation.dispatch('calendar.syncNow', {}, { origin: 'calendar-sync-child' });
if (!result.ok) throw new Error(JSON.stringify(result.error));
process.stdout.write('synced\n');
await workstation.dispose();
