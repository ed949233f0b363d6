import type { CallInfo } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import { DomainError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { Disposition } from '#core/telephony/call-log';
import type { AttemptHooks, AttemptRequest, MachineVerdict } from '#core/telephony/calls/dialer-attempts';
import type { AttemptLog, ChosenDisposition, LineOutcome } from '#core/dialer/attempt-log';
import { nextNumber, type CandidateEntry, type DialingCampaign, type NextNumber } from '#core/dialer/next-number';
import type { NumberZones } from '#core/dialer/numbers/number-zones';

/** What a session needs of a campaign to dial it. */
export interface SessionCampaign extends DialingCampaign {
  name: string;
  accountId: string | null;
  callerNumber: string | null;
  ringTimeoutSeconds: number;
  /** Power: lines per ready operator at most. */
  powerRatio: number;
  previewCountdownSeconds: number | null;
  wrapUpSeconds: number;
  amdAction: 'off' | 'hang_up' | 'leave_message' | 'pass_to_operator';
  dispositions: readonly (ChosenDisposition & { label: string })[];
  /** The recorded messages: for a person answered when no operator is free, and for answering machines. */
  messages: { abandon: Buffer | null; machine: Buffer | null };
}

/** The phone as a dialer uses it (DialerAttempts and the operator's hang-up). */
export interface AttemptPlacer {
  place(request: AttemptRequest): CallInfo;
  handOver(callId: string): Promise<unknown>;
  hangUp(callId: string): Promise<unknown>;
  /** Asks the window's detector about an answered attempt (a person, a machine, silence). */
  detectMachine(callId: string): Promise<MachineVerdict>;
  /** Plays a recorded message into the call; resolves when it has been played. */
  playMessage(callId: string, audio: Buffer): Promise<void>;
  /** The account calls go through when the campaign names none. */
  defaultAccountId(): string | null;
}

/** One attempt out on the line. */
export interface Line {
  attemptId: string;
  entry: CandidateEntry;
  callId: string | null;
  answeredAt: number | null;
  /** Set when the dialer ends the line itself (an abandon, a machine), so its end is not read from the SIP reason. */
  outcome: LineOutcome | null;
}

/** What the lines ask of the operator's session. */
export interface LineOwner {
  /** The operator is waiting for a call (ready or dialing), so an answer can go to them now. */
  operatorFree(): boolean;
  /** An answered person is now the operator's call. */
  connected(line: Line): void;
  /** A line the operator talked on has ended (wrap-up follows). */
  conversationEnded(line: Line): void;
  /** Any other line has ended; the session decides what comes next. */
  lineEnded(line: Line): void;
}

export interface LineDeps {
  ctx: CrmContext;
  zones: NumberZones;
  log: AttemptLog;
  phone: AttemptPlacer;
  logger: Logger;
}

/** How a call that was not a conversation ended, as the rules' retry delays know it. */
function lineOutcome(disposition: Disposition): LineOutcome {
  switch (disposition) {
    case 'busy':
      return 'busy';
    case 'no_answer':
    case 'cancelled':
      return 'no_answer';
    case 'answered':
    case 'transferred':
      return 'reached';
    default:
      return 'failed';
  }
}

export type Placed = { kind: 'placed'; line: Line } | Exclude<NextNumber, { kind: 'number' }> | { kind: 'not_placed' };

/**
 * The attempts an operator's session has out: each chosen with every rule checked and written before its
 * INVITE, each answer routed — to the answering-machine detector first when the campaign uses it, then to the
 * operator if they are free, else the abandon message and a hang-up (counted as abandoned) — and each end
 * turned into the line's outcome in the list.
 */
export class CampaignLines {
  private readonly lines = new Map<string, Line>();
  /** The line the operator talks on (one at a time). */
  private connectedLine: Line | null = null;

  constructor(
    private readonly campaign: SessionCampaign,
    private readonly operatorId: string,
    private readonly owner: LineOwner,
    private readonly deps: LineDeps,
  ) {}

  get out(): number {
    return this.lines.size;
  }

  /** Ringing lines, not yet answered (the pacing counts these). */
  get ringing(): number {
    return [...this.lines.values()].filter((l) => l.answeredAt === null).length;
  }

  /** The next due number, looked at without dialing it (preview's card). */
  peek(): NextNumber {
    const now = this.deps.ctx.clock.now();
    return this.deps.ctx.database.write((tx) => nextNumber(tx, this.deps.zones, this.campaign, this.operatorId, now));
  }

  /**
   * Chooses the next number (every rule checked now), writes its attempt and sends the INVITE. With
   * `expected` (preview's card), nothing is dialed unless that entry is still the one due first.
   */
  place(expected?: string): Placed {
    // The operator waits with no line out: this one's answer is theirs, so it spends no abandon budget.
    const extraLine = this.lines.size > 0 || !this.owner.operatorFree();
    const { ctx, zones, log } = this.deps;
    const now = ctx.clock.now();
    const chosen = ctx.database.write((tx) => {
      const found = nextNumber(tx, zones, this.campaign, this.operatorId, now, { extraLine });
      if (found.kind !== 'number') return { found, attemptId: null };
      if (expected !== undefined && found.entry.id !== expected) return { found: { kind: 'none' as const, nextAt: now }, attemptId: null };
      return { found, attemptId: log.begin(tx, { campaignId: this.campaign.id, entry: found.entry, operatorId: this.operatorId, mode: this.campaign.mode, because: found.because }) };
    });
    if (chosen.found.kind !== 'number' || chosen.attemptId === null) return chosen.found as Exclude<NextNumber, { kind: 'number' }>;
    const line: Line = { attemptId: chosen.attemptId, entry: chosen.found.entry, callId: null, answeredAt: null, outcome: null };
    const accountId = this.campaign.accountId ?? this.deps.phone.defaultAccountId();
    try {
      if (!accountId) throw new DomainError('unavailable', 'phone_not_registered', 'No SIP account to dial through');
      this.lines.set(line.attemptId, line);
      const call = this.deps.phone.place({
        accountId,
        target: line.entry.phone,
        contactId: line.entry.contactId,
        campaignId: this.campaign.id,
        ringTimeoutMs: this.campaign.ringTimeoutSeconds * 1000,
        headers: this.headers(),
        hooks: this.hooks(line),
      });
      line.callId = call.id;
      if (call.interactionId) log.placed(line.attemptId, call.interactionId);
      return { kind: 'placed', line };
    } catch (error) {
      this.lines.delete(line.attemptId);
      this.deps.logger.warn('Campaign attempt not placed', { attemptId: line.attemptId, error: String(error) });
      log.ended(line.attemptId, 'failed');
      return { kind: 'not_placed' };
    }
  }

  private headers(): string[] {
    const headers = [`X-Campaign-Id: ${this.campaign.id}`];
    if (this.campaign.callerNumber) headers.push(`P-Preferred-Identity: <tel:${this.campaign.callerNumber.replace(/[^+\d]/g, '')}>`);
    return headers;
  }

  private hooks(line: Line): AttemptHooks {
    return {
      answered: (call) => {
        line.answeredAt = this.deps.ctx.clock.now();
        this.deps.log.answered(line.attemptId, line.answeredAt);
        if (this.campaign.amdAction === 'off') return this.route(line, call);
        this.deps.phone.detectMachine(call.id).then(
          (verdict) => this.verdict(line, call, verdict),
          (error: unknown) => {
            // No verdict (no window to listen): a person may be there, so the operator takes it.
            this.deps.logger.warn('No answering-machine verdict', { callId: call.id, error: String(error) });
            if (this.lines.has(line.attemptId)) this.route(line, call);
          },
        );
      },
      ended: (_call, disposition) => {
        this.lines.delete(line.attemptId);
        const talked = line.outcome === null && lineOutcome(disposition) === 'reached' && this.connectedLine === line;
        if (talked) {
          this.connectedLine = null;
          this.deps.log.ended(line.attemptId, 'reached');
          return this.owner.conversationEnded(line);
        }
        // An answer nobody took that ended before the dialer ended it (the callee hung up during the message).
        const outcome = line.outcome ?? (line.answeredAt !== null && lineOutcome(disposition) === 'reached' ? 'abandoned' : lineOutcome(disposition));
        this.deps.log.ended(line.attemptId, outcome);
        this.owner.lineEnded(line);
      },
    };
  }

  /** A person answered (or the detector let them through): to the operator, or the abandon message. */
  private route(line: Line, call: CallInfo): void {
    if (this.connectedLine === null && this.owner.operatorFree()) {
      this.connectedLine = line;
      if (this.connectedLate(line)) this.deps.log.connectedLate(line.attemptId);
      this.owner.connected(line);
      void this.deps.phone.handOver(call.id).catch((error: unknown) => this.deps.logger.warn('Answered attempt not handed over', { error: String(error) }));
      return;
    }
    this.endWith(line, 'abandoned', this.campaign.messages.abandon);
  }

  /** Later after the answer than the callee's law allows an operator to take the call (null: no such limit). */
  private connectedLate(line: Line): boolean {
    const now = this.deps.ctx.clock.now();
    const chosen = this.campaign.policies.forCallee(this.deps.zones.of(line.entry.phone).country, now);
    const limit = chosen.ok ? chosen.policy.callHandling.operatorWithinMs : null;
    return limit !== null && line.answeredAt !== null && now - line.answeredAt > limit.value;
  }

  private verdict(line: Line, call: CallInfo, verdict: MachineVerdict): void {
    this.deps.log.amdVerdict(line.attemptId, verdict.verdict);
    if (!this.lines.has(line.attemptId)) return;
    if (verdict.verdict !== 'machine' || this.campaign.amdAction === 'pass_to_operator') return this.route(line, call);
    this.endWith(line, 'machine', this.campaign.amdAction === 'leave_message' ? this.campaign.messages.machine : null);
  }

  /** The dialer ends the line itself, after playing a message when there is one. */
  private endWith(line: Line, outcome: LineOutcome, message: Buffer | null): void {
    line.outcome = outcome;
    const callId = line.callId!;
    const played = message ? this.deps.phone.playMessage(callId, message) : Promise.resolve();
    void played
      .catch((error: unknown) => this.deps.logger.warn('Campaign message not played', { callId, outcome, error: String(error) }))
      .then(() => this.deps.phone.hangUp(callId))
      .catch((error: unknown) => this.deps.logger.warn('Campaign line not ended', { callId, error: String(error) }));
  }

}
