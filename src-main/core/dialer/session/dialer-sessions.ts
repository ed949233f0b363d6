import type { CampaignState, OperatorSession as SessionView, PauseReason, PhoneStatus } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import type { CrmContext } from '#core/crm/crm-context';
import type { Disposable } from '#core/shared/disposable';
import { DomainError } from '#core/shared/errors';
import type { Logger } from '#core/shared/logger';
import { AttemptLog } from '#core/dialer/attempt-log';
import type { CampaignStore } from '#core/dialer/campaign-store';
import type { NumberZones } from '#core/dialer/numbers/number-zones';
import type { Profile } from '#core/dialer/rules/index';
import { scheduleCallback } from './callbacks';
import { OperatorSession, type SessionDeps } from './operator-session';
import { OperatorStateLog } from './operator-state-log';
import { entryDetails, sessionCampaign } from './session-campaign';

export interface DialerSessionsDeps {
  ctx: CrmContext;
  zones: NumberZones;
  store: CampaignStore;
  profiles: () => readonly Profile[];
  phone: SessionDeps['phone'];
  /** The registration of an account's line (null: no such line), and every change of the phone's status. */
  registered: (accountId: string | null) => boolean;
  onPhoneStatus: (listener: (status: PhoneStatus) => void) => () => void;
  events: EventBus;
  logger: Logger;
  setTimer: (fn: () => void, ms: number) => () => void;
  setInterval: (fn: () => void, ms: number) => () => void;
}

/** How often the open state row is confirmed (see OperatorStateLog). */
const heartbeatMs = 60_000;

/**
 * The campaign session of the operator at this workstation (one at a time): joined, driven by the operator's
 * commands, paused by the workstation while the campaign's phone line is unregistered or the campaign is
 * paused, and resumed when the cause is gone. Every change reaches the window (`dialer.session`) and the
 * operator's state log.
 */
export class DialerSessions implements Disposable {
  private session: OperatorSession | null = null;
  private readonly log: AttemptLog;
  private readonly states: OperatorStateLog;
  private readonly stopWatching: () => void;
  private readonly stopHeartbeat: () => void;

  constructor(private readonly deps: DialerSessionsDeps) {
    this.log = new AttemptLog(deps.ctx);
    this.states = new OperatorStateLog(deps.ctx);
    const closedAttempts = this.log.closeInterrupted();
    const closedStates = this.states.closeInterrupted();
    if (closedAttempts + closedStates > 0) deps.logger.info('Campaign work left open by a stopped workstation closed', { closedAttempts, closedStates });
    this.stopWatching = deps.onPhoneStatus(() => this.phoneChanged());
    this.stopHeartbeat = deps.setInterval(() => {
      if (this.session && this.session.current !== 'off') this.states.stillThere(this.session.operatorId);
    }, heartbeatMs);
  }

  get view(): SessionView | null {
    return this.session?.view ?? null;
  }

  private get active(): OperatorSession {
    if (!this.session || this.session.current === 'off') throw new DomainError('conflict', 'call_command_refused', 'No campaign is being worked here', { state: 'off' });
    return this.session;
  }

  /** The current employee starts working their part of a running campaign. */
  join(campaignId: string): SessionView {
    const operatorId = this.deps.ctx.settings().currentEmployeeId;
    if (!operatorId) throw new DomainError('conflict', 'not_campaign_operator', 'Choose who you are in Settings first', { id: campaignId });
    if (this.session && this.session.current !== 'off') {
      if (this.session.campaign.id === campaignId) return this.session.view;
      this.session.stop();
    }
    const campaign = sessionCampaign(this.deps.ctx.database.read, this.deps.store, this.deps.profiles(), campaignId, operatorId);
    const { ctx, zones, phone, logger, setTimer } = this.deps;
    const session = new OperatorSession(campaign, operatorId, {
      ctx,
      zones,
      log: this.log,
      phone,
      logger,
      setTimer,
      details: (entry) => entryDetails(ctx.database.read, zones, entry),
      callbackScheduled: (tx, callback) => scheduleCallback(tx, { ids: ctx.ids, now: ctx.clock.now() }, callback),
      changed: (view) => this.changed(session, view),
    });
    this.session = session;
    if (this.deps.registered(campaign.accountId)) session.ready();
    else session.pause('phone_unregistered');
    return session.view;
  }

  private lastLogged: { state: string; reason: string | null } | null = null;

  private changed(session: OperatorSession, view: SessionView): void {
    if (session !== this.session) return;
    const reason = view.state === 'paused' ? view.pauseReason : null;
    if (this.lastLogged?.state !== view.state || this.lastLogged.reason !== reason) {
      this.lastLogged = { state: view.state, reason };
      this.states.entered(session.operatorId, session.campaign.id, view.state, reason);
    }
    this.deps.events.emit('dialer.session', view);
  }

  ready(): SessionView {
    this.active.ready();
    return this.active.view;
  }

  pause(reason: PauseReason): SessionView {
    this.active.pause(reason);
    return this.active.view;
  }

  leave(): void {
    this.active.stop();
    this.session = null;
    this.lastLogged = null;
    this.deps.events.emit('dialer.session', null);
  }

  dial(): SessionView {
    this.active.dialPreviewed();
    return this.active.view;
  }

  skip(reason: string): SessionView {
    this.active.skip(reason);
    return this.active.view;
  }

  setDisposition(dispositionId: string, callbackAt: number | null, note: string): SessionView {
    this.active.dispose(dispositionId, callbackAt, note.trim() === '' ? null : note);
    return this.active.view;
  }

  /** The supervisor moved a campaign: paused or finished pauses its session (after the call in progress), running again lifts that pause. */
  campaignStateChanged(campaignId: string, state: CampaignState): void {
    const session = this.session;
    if (!session || session.campaign.id !== campaignId || session.current === 'off') return;
    if (state === 'running') session.lift('campaign_paused');
    else session.pause('campaign_paused');
  }

  private phoneChanged(): void {
    const session = this.session;
    if (!session || session.current === 'off') return;
    if (this.deps.registered(session.campaign.accountId)) {
      session.lift('phone_unregistered');
      session.lift('phone_unavailable');
    } else {
      session.pause('phone_unregistered');
    }
  }

  dispose(): void {
    this.stopWatching();
    this.stopHeartbeat();
  }
}
