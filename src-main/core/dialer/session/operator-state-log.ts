import { and, eq, isNull } from 'drizzle-orm';
import type { CrmContext } from '#core/crm/crm-context';
import { operatorStates } from '#core/db/schema';
import type { OperatorState } from './dialing-modes';

/**
 * The operator's time in each state of a campaign session, as rows (operator_states): one open row for the
 * state they are in, closed when it changes. The open row is touched every minute, so that a workstation
 * stopped without warning has its last row closed at the last minute it was known alive, not at the restart.
 */
export class OperatorStateLog {
  constructor(private readonly ctx: CrmContext) {}

  /** The session entered `state` (with its pause reason); `off` only closes the open row. */
  entered(employeeId: string, campaignId: string, state: OperatorState, reason: string | null): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) => {
      tx.update(operatorStates)
        .set({ endedAt: now, updatedAt: now })
        .where(and(eq(operatorStates.employeeId, employeeId), isNull(operatorStates.endedAt)))
        .run();
      if (state === 'off') return;
      tx.insert(operatorStates).values({ id: this.ctx.ids.next(), employeeId, campaignId, state, reason, startedAt: now, updatedAt: now, updatedBy: employeeId }).run();
    });
  }

  /** The open row is still true now. */
  stillThere(employeeId: string): void {
    const now = this.ctx.clock.now();
    this.ctx.database.write((tx) => tx.update(operatorStates).set({ updatedAt: now }).where(and(eq(operatorStates.employeeId, employeeId), isNull(operatorStates.endedAt))).run());
  }

  /** Rows a stopped workstation left open, closed at the last time they were known true. Returns how many. */
  closeInterrupted(): number {
    return this.ctx.database.write((tx) =>
      tx.update(operatorStates).set({ endedAt: operatorStates.updatedAt }).where(isNull(operatorStates.endedAt)).run().changes,
    );
  }
}
