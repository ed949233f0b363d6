import type { OperatorSession as SessionView, PauseReason } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import type { WriteDb } from '#core/db/handles';
import { DomainError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import type { AttemptLog } from '#core/dialer/attempt-log';
import { abandonStatsOf } from '#core/dialer/call-facts-reader';
import type { CandidateEntry } from '#core/dialer/next-number';
import type { NumberZones } from '#core/dialer/numbers/number-zones';
import { CampaignLines, type AttemptPlacer, type Line, type Placed, type SessionCampaign } from './campaign-lines';
import { dialingModes, type OperatorState } from './dialing-modes';
import { attemptsToPlace, pacedRatio } from './power-pacing';

export type { SessionView };

/** What the session reads about the person on the card or the line, for the operator's screen. */
export type EntryDetails = (entry: CandidateEntry) => SessionView['entry'];

export interface SessionDeps {
  ctx: CrmContext;
  zones: NumberZones;
  log: AttemptLog;
  phone: AttemptPlacer & {
    /** The call's wrap-up in the history (subject: the disposition); `checked`: refused while a required answer is missing. */
    wrapUp(callId: string, subject: string, note: string | null, checked: boolean): void;
  };
  logger: Logger;
  setTimer: (fn: () => void, ms: number) => () => void;
  details: EntryDetails;
  /** Written in the disposition's transaction when the client asked to be called back (the operator's calendar). */
  callbackScheduled: (tx: WriteDb, callback: { contactId: string; operatorId: string; at: number; campaignName: string; phone: string }) => void;
  /** Every change of the session (its state and since when), for the operator's screen and the state log. */
  changed: (view: SessionView) => void;
}

/** A card passed over in preview comes back after this. */
const skippedForMs = 60 * 60_000;

/** How long a session with nothing due waits before looking again, at most. */
const idleLookMs = 30_000;

/** Pauses the workstation lifts by itself once their cause is gone. */
const liftedBySystem: ReadonlySet<PauseReason> = new Set(['phone_unregistered', 'phone_unavailable', 'campaign_paused', 'abandon_cap']);

/**
 * One operator working one campaign on this workstation, in the campaign's dialing mode (a transition table,
 * see dialing-modes.ts). Preview shows the card first (dialed on a click or when its countdown runs out, or
 * skipped with a reason); progressive dials one number as soon as the operator is ready; power keeps several
 * lines ringing at the paced ratio (power-pacing.ts) while the operator waits. The lines themselves — rules,
 * attempts, answers, abandons — are campaign-lines.ts. A pause asked for during a call takes effect after its
 * disposition.
 */
export class OperatorSession {
  private state: OperatorState = 'off';
  private since: number;
  private pauseReason: PauseReason | null = null;
  /** A pause asked for while a call or its wrap-up was under way. */
  private pausePending: PauseReason | null = null;
  private entry: CandidateEntry | null = null;
  private line: Line | null = null;
  private countdownEndsAt: number | null = null;
  private wrapUpEndsAt: number | null = null;
  private idleUntil: number | null = null;
  /** Power: the ratio the pacing last dialed at (read with the abandon figures when lines are placed, not for every view). */
  private pacedRatio = 1;
  private cancelWait: () => void = () => undefined;
  private readonly lines: CampaignLines;

  constructor(
    readonly campaign: SessionCampaign,
    readonly operatorId: string,
    private readonly deps: SessionDeps,
  ) {
    this.since = deps.ctx.clock.now();
    this.lines = new CampaignLines(
      campaign,
      operatorId,
      {
        // Waiting for a call: a pause asked for meanwhile comes after this call (dispose), so the answer is still theirs.
        operatorFree: () => this.state === 'ready' || this.state === 'dialing',
        connected: (line) => this.connected(line),
        conversationEnded: () => this.conversationEnded(),
        lineEnded: () => this.lineEnded(),
      },
      deps,
    );
  }

  get view(): SessionView {
    const shown = this.line?.entry ?? this.entry;
    return {
      campaignId: this.campaign.id,
      campaignName: this.campaign.name,
      mode: this.campaign.mode,
      state: this.state,
      since: this.since,
      pauseReason: this.pauseReason ?? this.pausePending,
      entry: shown ? this.deps.details(shown) : null,
      callId: this.line?.callId ?? null,
      countdownEndsAt: this.countdownEndsAt,
      wrapUpEndsAt: this.wrapUpEndsAt,
      linesOut: this.lines.ringing,
      pacedRatio: this.pacedRatio,
      idleUntil: this.idleUntil,
    };
  }

  get current(): OperatorState {
    return this.state;
  }

  /** `at`: when the move happened, if the caller already read the clock for what goes with it (a countdown). */
  private move(to: OperatorState, at = this.deps.ctx.clock.now()): void {
    dialingModes[this.campaign.mode].assert(this.state, to);
    if (to !== this.state) this.since = at;
    this.state = to;
    this.deps.changed(this.view);
  }

  /** The operator is ready (joined, or back from a pause): the next number or card comes at once. */
  ready(): void {
    if (this.state === 'ready' || this.state === 'dialing') return;
    if (this.state !== 'off' && this.state !== 'paused') throw refused(`Not now: the session is ${this.state}`, this.state);
    this.pauseReason = null;
    this.pausePending = null;
    this.move('ready');
    this.next();
  }

  /** Paused now, or — during a call or its wrap-up, or with lines ringing — once the disposition is in. */
  pause(reason: PauseReason): void {
    if (this.state === 'paused' || this.state === 'off') {
      if (this.state === 'paused' && !liftedBySystem.has(reason)) this.pauseReason = reason;
      return this.deps.changed(this.view);
    }
    if (this.state === 'dialing' || this.state === 'on_call' || this.state === 'wrap_up') {
      this.pausePending = reason;
      return this.deps.changed(this.view);
    }
    this.enterPause(reason);
  }

  /** A system pause's cause is gone (the phone registered again, the campaign resumed): back to ready. */
  lift(reason: PauseReason): void {
    if (this.pausePending === reason) {
      this.pausePending = null;
      this.deps.changed(this.view);
    }
    if (this.state === 'paused' && this.pauseReason === reason) this.ready();
  }

  private enterPause(reason: PauseReason): void {
    this.cancelWait();
    this.pauseReason = reason;
    this.pausePending = null;
    this.entry = null;
    this.countdownEndsAt = null;
    this.idleUntil = null;
    this.move('paused');
    // An abandon budget comes back as the period moves on: look again in a while.
    if (reason === 'abandon_cap') this.cancelWait = this.deps.setTimer(() => this.lift('abandon_cap'), idleLookMs);
  }

  /** Stops working the campaign; refused while a call is out, under way or not yet disposed of. */
  stop(): void {
    if (this.state === 'dialing' || this.state === 'on_call' || this.state === 'wrap_up') throw refused(`Finish the call first: the session is ${this.state}`, this.state);
    this.cancelWait();
    this.entry = null;
    this.countdownEndsAt = null;
    this.idleUntil = null;
    this.move('off');
  }

  /** The next step from `ready` (or more lines while dialing in power mode). */
  private next(): void {
    this.cancelWait();
    this.idleUntil = null;
    if (this.pausePending !== null && this.lines.out === 0) return this.enterPause(this.pausePending);
    if (this.state === 'ready' && this.campaign.mode === 'preview') return this.showCard();
    if (this.state === 'ready' || this.state === 'dialing') this.fill();
  }

  /** Lines the mode wants out now: one for progressive, the paced ratio for power. */
  private wanted(): number {
    if (this.campaign.mode !== 'power') return this.lines.out === 0 ? 1 : 0;
    const pacing = this.pacing();
    this.pacedRatio = pacedRatio(pacing);
    return attemptsToPlace({ readyOperators: 1, attemptsOut: this.lines.ringing, ...pacing });
  }

  private pacing() {
    const policies = this.campaign.policies.all;
    const periodHours = Math.max(...policies.map((p) => p.abandon.periodHours));
    const stats = abandonStatsOf(this.deps.ctx.database.read, this.campaign.id, periodHours, this.deps.ctx.clock.now());
    return { maxRatio: this.campaign.powerRatio, abandoned: stats.abandoned, liveAnswered: stats.liveAnswered, abandonCap: Math.min(...policies.map((p) => p.abandon.maxRate.value)) };
  }


  private fill(): void {
    for (let n = this.wanted(); n > 0; n--) {
      const placed = this.lines.place();
      if (placed.kind === 'placed') {
        if (this.campaign.mode !== 'power') this.entry = placed.line.entry;
        if (this.state === 'ready') this.move('dialing');
        else this.deps.changed(this.view);
        continue;
      }
      if (this.lines.out === 0) this.nothingPlaced(placed);
      return;
    }
  }

  /** No line out and none could be placed: wait for the next due entry, or pause for the reason. */
  private nothingPlaced(placed: Exclude<Placed, { kind: 'placed' }>): void {
    if (this.state === 'dialing') this.move('ready');
    if (placed.kind === 'campaign_blocked') return this.enterPause('abandon_cap');
    if (placed.kind === 'not_placed') return this.enterPause('phone_unavailable');
    this.waitFor(placed.nextAt);
  }

  private showCard(): void {
    const found = this.lines.peek();
    if (found.kind === 'campaign_blocked') return this.enterPause('abandon_cap');
    if (found.kind !== 'number') return this.waitFor(found.nextAt);
    this.entry = found.entry;
    const countdown = this.campaign.previewCountdownSeconds;
    const now = this.deps.ctx.clock.now();
    this.countdownEndsAt = countdown === null ? null : now + countdown * 1000;
    if (countdown !== null) this.cancelWait = this.deps.setTimer(() => this.state === 'previewing' && this.dialPreviewed(), countdown * 1000);
    this.move('previewing', now);
  }

  /** Preview: the operator dials the card shown (a click, or the countdown ran out). The rules are asked again now. */
  dialPreviewed(): void {
    if (this.state !== 'previewing' || !this.entry) throw refused(`Nothing to dial: the session is ${this.state}`, this.state);
    this.cancelWait();
    this.countdownEndsAt = null;
    const card = this.entry;
    const placed = this.lines.place(card.id);
    if (placed.kind === 'placed') {
      this.entry = placed.line.entry;
      return this.move('dialing');
    }
    // Refused at the moment of dialing (or another number came due first): back to ready, and the next card.
    this.entry = null;
    this.move('ready');
    if (placed.kind === 'campaign_blocked') return this.enterPause('abandon_cap');
    if (placed.kind === 'not_placed') return this.enterPause('phone_unavailable');
    this.next();
  }

  /** Preview: the operator passes the card over, saying why; it comes back in an hour. */
  skip(reason: string): void {
    if (this.state !== 'previewing' || !this.entry) throw refused(`Nothing to skip: the session is ${this.state}`, this.state);
    this.cancelWait();
    this.countdownEndsAt = null;
    this.deps.log.skipped(this.entry.id, reason, this.deps.ctx.clock.now() + skippedForMs);
    this.entry = null;
    this.move('ready');
    this.next();
  }

  private connected(line: Line): void {
    this.line = line;
    this.entry = null;
    this.move('on_call');
  }

  private conversationEnded(): void {
    const wrapUp = this.campaign.wrapUpSeconds;
    const now = this.deps.ctx.clock.now();
    this.wrapUpEndsAt = wrapUp > 0 ? now + wrapUp * 1000 : null;
    this.move('wrap_up', now);
  }

  private lineEnded(): void {
    if (this.state !== 'dialing') return this.deps.changed(this.view);
    if (this.lines.out > 0) return this.next();
    this.entry = null;
    this.move('ready');
    this.next();
  }

  /**
   * The operator's disposition of the conversation, with the call's wrap-up in the history: a final one is
   * refused while the questionnaire lacks a required answer; a callback goes into the operator's calendar in
   * the same transaction. A disposition given after the campaign's wrap-up time pauses the operator (as
   * `wrap_up_overrun`), so the next number waits for them to say they are ready.
   */
  dispose(dispositionId: string, callbackAt: number | null, note: string | null): void {
    const line = this.line;
    if (this.state !== 'wrap_up' || !line) throw refused(`No call to wrap up: the session is ${this.state}`, this.state);
    const disposition = this.campaign.dispositions.find((d) => d.id === dispositionId);
    if (!disposition) throw new DomainError('not_found', 'record_gone', `Disposition ${dispositionId} is not one of this campaign's`, { id: dispositionId });
    if (disposition.kind === 'callback' && callbackAt === null) throw new DomainError('invalid_payload', 'callback_needs_time', 'A callback needs the time the client chose');
    this.deps.phone.wrapUp(line.callId!, disposition.label, note, disposition.kind === 'final');
    this.deps.log.dispose(line.attemptId, disposition, callbackAt, (tx) => {
      if (disposition.kind === 'callback') {
        this.deps.callbackScheduled(tx, { contactId: line.entry.contactId, operatorId: this.operatorId, at: callbackAt!, campaignName: this.campaign.name, phone: line.entry.phone });
      }
    });
    const late = this.wrapUpEndsAt !== null && this.deps.ctx.clock.now() > this.wrapUpEndsAt;
    this.line = null;
    this.wrapUpEndsAt = null;
    if (late && this.pausePending === null) this.pausePending = 'wrap_up_overrun';
    this.move('ready');
    this.next();
  }

  /** Nothing due now: look again when the earliest entry comes due (or in a while, for new numbers or a rule's change). */
  private waitFor(nextAt: number | null): void {
    const now = this.deps.ctx.clock.now();
    const ms = nextAt === null ? idleLookMs : Math.min(idleLookMs, Math.max(1_000, nextAt - now));
    this.idleUntil = nextAt;
    this.deps.changed(this.view);
    this.cancelWait = this.deps.setTimer(() => this.next(), ms);
  }
}

function refused(message: string, state: OperatorState): DomainError {
  return new DomainError('conflict', 'call_command_refused', message, { state });
}
