import type { CallInfo } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import { DomainError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { Disposition } from '#core/telephony/call-log';
import type { AttemptHooks, AttemptRequest } from '#core/telephony/calls/dialer-attempts';
import type { AttemptLog, ChosenDisposition, LineOutcome } from '#core/dialer/attempt-log';
import { nextNumber, type CandidateEntry, type DialingCampaign } from '#core/dialer/next-number';
import type { NumberZones } from '#core/dialer/numbers/number-zones';
import { dialingModes, type OperatorState } from './dialing-modes';

/** What a session needs of a campaign to dial it. */
export interface SessionCampaign extends DialingCampaign {
  accountId: string | null;
  callerNumber: string | null;
  ringTimeoutSeconds: number;
  dispositions: readonly (ChosenDisposition & { label: string })[];
}

/** The phone as the session uses it: attempts placed, and an answered one handed to the operator. */
export interface AttemptPlacer {
  place(request: AttemptRequest): CallInfo;
  handOver(callId: string): Promise<unknown>;
  /** The account calls go through when the campaign names none. */
  defaultAccountId(): string | null;
}

export interface SessionDeps {
  ctx: CrmContext;
  zones: NumberZones;
  log: AttemptLog;
  phone: AttemptPlacer;
  logger: Logger;
  setTimer: (fn: () => void, ms: number) => () => void;
  /** Every change of the session, for the operator's screen. */
  changed: (session: SessionView) => void;
}

export interface SessionView {
  campaignId: string;
  state: OperatorState;
  pauseReason: string | null;
  /** The person on the card (previewing), being dialed, talked to, or wrapped up. */
  entry: CandidateEntry | null;
  attemptId: string | null;
  callId: string | null;
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

/** A card passed over in preview comes back after this. */
const skippedForMs = 60 * 60_000;

/** How long a session with nothing due waits before looking again, at most. */
const idleLookMs = 30_000;

/**
 * One operator working one campaign on this workstation, in the campaign's dialing mode (a transition
 * table, see dialing-modes.ts): the next number is chosen and its attempt written in one transaction, the
 * INVITE placed, the answer handed to the operator, the call's end turned into a line outcome or a wrap-up,
 * and the operator's disposition stored before the next number. Progressive and preview; power pacing comes
 * with several attempts per operator (power-pacing.ts).
 */
export class OperatorSession {
  private state: OperatorState = 'off';
  private pauseReason: string | null = null;
  private entry: CandidateEntry | null = null;
  private attemptId: string | null = null;
  private callId: string | null = null;
  private cancelWait: () => void = () => undefined;

  constructor(
    private readonly campaign: SessionCampaign,
    private readonly operatorId: string,
    private readonly deps: SessionDeps,
  ) {}

  get view(): SessionView {
    return { campaignId: this.campaign.id, state: this.state, pauseReason: this.pauseReason, entry: this.entry, attemptId: this.attemptId, callId: this.callId };
  }

  private get mode() {
    return dialingModes[this.campaign.mode];
  }

  private move(to: OperatorState): void {
    this.mode.assert(this.state, to);
    this.state = to;
    this.deps.changed(this.view);
  }

  /** The operator is ready: the next number (or card) comes at once. */
  ready(): void {
    if (this.state === 'ready') return;
    this.pauseReason = null;
    this.move('ready');
    this.next();
  }

  pause(reason: string): void {
    this.cancelWait();
    this.pauseReason = reason;
    if (this.state === 'previewing') this.entry = null;
    this.move('paused');
  }

  stop(): void {
    this.cancelWait();
    this.entry = null;
    this.move('off');
  }

  /** The next step from `ready`: a card to preview, or a number dialed. */
  private next(): void {
    this.cancelWait();
    if (this.state !== 'ready') return;
    if (this.campaign.mode === 'preview') this.showCard();
    else this.dial();
  }

  private showCard(): void {
    const now = this.deps.ctx.clock.now();
    const found = this.deps.ctx.database.write((tx) => nextNumber(tx, this.deps.zones, this.campaign, this.operatorId, now));
    if (found.kind !== 'number') return this.waitFor(found.kind === 'none' ? found.nextAt : null);
    this.entry = found.entry;
    this.move('previewing');
  }

  /** Preview: the operator dials the card shown (a click, or the countdown ran out). The rules are asked again now. */
  dialPreviewed(): void {
    if (this.state !== 'previewing') throw new DomainError('conflict', 'call_command_refused', `Nothing to dial: the session is ${this.state}`, { state: this.state });
    this.dial();
  }

  /** Preview: the operator passes the card over, saying why; it comes back in an hour. */
  skip(reason: string): void {
    if (this.state !== 'previewing' || !this.entry) throw new DomainError('conflict', 'call_command_refused', `Nothing to skip: the session is ${this.state}`, { state: this.state });
    this.deps.log.skipped(this.entry.id, reason, this.deps.ctx.clock.now() + skippedForMs);
    this.entry = null;
    this.move('ready');
    this.next();
  }

  private dial(): void {
    const { ctx, zones, log } = this.deps;
    const now = ctx.clock.now();
    const chosen = ctx.database.write((tx) => {
      const found = nextNumber(tx, zones, this.campaign, this.operatorId, now);
      if (found.kind !== 'number') return { found, attemptId: null };
      return { found, attemptId: log.begin(tx, { campaignId: this.campaign.id, entry: found.entry, operatorId: this.operatorId, mode: this.campaign.mode, because: found.because }) };
    });
    if (chosen.found.kind !== 'number' || chosen.attemptId === null) {
      // The card shown (preview) may have been refused at the moment of dialing: back to ready, next card.
      this.entry = null;
      if (this.state === 'previewing') this.move('ready');
      return this.waitFor(chosen.found.kind === 'none' ? chosen.found.nextAt : null);
    }
    this.entry = chosen.found.entry;
    this.attemptId = chosen.attemptId;
    this.move('dialing');
    const accountId = this.campaign.accountId ?? this.deps.phone.defaultAccountId();
    try {
      if (!accountId) throw new DomainError('unavailable', 'phone_not_registered', 'No SIP account to dial through');
      const call = this.deps.phone.place({
        accountId,
        target: chosen.found.entry.phone,
        contactId: chosen.found.entry.contactId,
        ringTimeoutMs: this.campaign.ringTimeoutSeconds * 1000,
        headers: this.headers(),
        hooks: this.hooks(chosen.attemptId),
      });
      this.callId = call.id;
      if (call.interactionId) log.placed(chosen.attemptId, call.interactionId);
    } catch (error) {
      this.deps.logger.warn('Campaign attempt not placed', { attemptId: chosen.attemptId, error: String(error) });
      log.ended(chosen.attemptId, 'failed');
      this.afterLine();
      this.pause('phone_unavailable');
    }
  }

  private headers(): string[] {
    const headers = [`X-Campaign-Id: ${this.campaign.id}`];
    if (this.campaign.callerNumber) headers.push(`P-Preferred-Identity: <tel:${this.campaign.callerNumber.replace(/[^+\d]/g, '')}>`);
    return headers;
  }

  private hooks(attemptId: string): AttemptHooks {
    return {
      answered: (call) => {
        this.deps.log.answered(attemptId, this.deps.ctx.clock.now());
        this.move('on_call');
        void this.deps.phone.handOver(call.id).catch((error: unknown) => this.deps.logger.warn('Answered attempt not handed over', { error: String(error) }));
      },
      ended: (_call, disposition) => {
        const outcome = lineOutcome(disposition);
        this.deps.log.ended(attemptId, outcome);
        if (outcome === 'reached' && this.state === 'on_call') return this.move('wrap_up');
        this.afterLine();
        if (this.state === 'dialing') {
          this.move('ready');
          this.next();
        }
      },
    };
  }

  private afterLine(): void {
    this.entry = null;
    this.attemptId = null;
    this.callId = null;
  }

  /** The operator's disposition of the conversation; then the next number. */
  dispose(dispositionId: string, callbackAt: number | null): void {
    if (this.state !== 'wrap_up' || !this.attemptId) throw new DomainError('conflict', 'call_command_refused', `No call to wrap up: the session is ${this.state}`, { state: this.state });
    const disposition = this.campaign.dispositions.find((d) => d.id === dispositionId);
    if (!disposition) throw new DomainError('not_found', 'record_gone', `Disposition ${dispositionId} is not one of this campaign's`, { id: dispositionId });
    this.deps.log.dispose(this.attemptId, disposition, callbackAt);
    this.afterLine();
    this.move('ready');
    this.next();
  }

  /** Nothing due now: look again when the earliest entry comes due (or in a while, for new numbers or a rule's change). */
  private waitFor(nextAt: number | null): void {
    const now = this.deps.ctx.clock.now();
    const ms = nextAt === null ? idleLookMs : Math.min(idleLookMs, Math.max(1_000, nextAt - now));
    this.cancelWait = this.deps.setTimer(() => this.next(), ms);
  }
}
