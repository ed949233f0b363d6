import { Subscriber, SubscriptionState, UserAgent } from 'sip.js';
import type { ColleagueLine, LineState } from '#contract';
import type { Disposable } from '#core/shared/disposable';
import type { Logger } from '#core/shared/logger';
import { LineDialogs, parseDialogInfo } from '#core/telephony/line-status';

export interface Colleague {
  employeeId: string;
  name: string;
  extension: string;
}

interface WatchedLine extends Colleague {
  dialogs: LineDialogs;
  state: LineState;
  subscriber: Subscriber | undefined;
  retry: NodeJS.Timeout | undefined;
}

/** How long a refused or lost subscription waits before it is tried again. */
const retryMs = 30_000;

/**
 * Colleagues' lines by dialog-event subscriptions (RFC 4235): one SUBSCRIBE (Event: dialog) per
 * colleague's extension at the PBX, kept up by sip.js, and each NOTIFY read into idle / ringing /
 * busy. A PBX that does not offer the event package leaves the line "unknown".
 */
export class LineWatcher implements Disposable {
  private readonly lines = new Map<string, WatchedLine>();
  private ua: UserAgent | undefined;

  constructor(
    private readonly deps: {
      logger: Logger;
      changed: (lines: ColleagueLine[]) => void;
    },
  ) {}

  list(): ColleagueLine[] {
    return [...this.lines.values()].map(({ employeeId, name, extension, state }) => ({ employeeId, name, extension, state })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Watches exactly these colleagues: new ones are subscribed, gone ones dropped. */
  sync(colleagues: readonly Colleague[]): void {
    const wanted = new Map(colleagues.map((c) => [c.extension, c]));
    let changed = false;
    for (const [extension, line] of this.lines) {
      const next = wanted.get(extension);
      if (!next || next.employeeId !== line.employeeId) {
        this.stop(line);
        this.lines.delete(extension);
        changed = true;
      } else if (line.name !== next.name) {
        line.name = next.name;
        changed = true;
      }
    }
    for (const colleague of wanted.values()) {
      if (this.lines.has(colleague.extension)) continue;
      const line: WatchedLine = { ...colleague, dialogs: new LineDialogs(), state: 'unknown', subscriber: undefined, retry: undefined };
      this.lines.set(colleague.extension, line);
      this.subscribe(line);
      changed = true;
    }
    if (changed) this.deps.changed(this.list());
  }

  /** The account (re)registered: subscriptions start afresh on its user agent. */
  attach(ua: UserAgent | undefined): void {
    this.ua = ua;
    for (const line of this.lines.values()) {
      this.set(line, 'unknown');
      this.restart(line);
    }
  }

  private set(line: WatchedLine, state: LineState): void {
    if (line.state === state) return;
    line.state = state;
    this.deps.changed(this.list());
  }

  private subscribe(line: WatchedLine): void {
    const ua = this.ua;
    if (!ua) return;
    const uri = UserAgent.makeURI(`sip:${line.extension}@${ua.configuration.uri.host}`);
    if (!uri) return;
    const subscriber = new Subscriber(ua, uri, 'dialog', { expires: 600, extraHeaders: ['Accept: application/dialog-info+xml'] });
    line.subscriber = subscriber;
    subscriber.delegate = {
      onNotify: (notification) => {
        void notification.accept();
        if (line.subscriber !== subscriber) return;
        const body = notification.request.body;
        if (!body) {
          // Nothing published for this line yet: the PBX knows of no dialog on it.
          if (line.state === 'unknown') this.set(line, 'idle');
          return;
        }
        const parsed = parseDialogInfo(body);
        if (!parsed.ok) {
          this.deps.logger.warn('Unreadable dialog-info from the PBX', { extension: line.extension, reason: parsed.reason });
          return;
        }
        if (parsed.rejected.length > 0) this.deps.logger.warn('Dialog-info entries left out', { extension: line.extension, rejected: parsed.rejected });
        // A gap in partial notifications: start over with a fresh subscription and a full state.
        if (!line.dialogs.apply(parsed.info)) this.restart(line);
        else this.set(line, line.dialogs.state);
      },
    };
    subscriber.stateChange.addListener((state) => {
      if (state === SubscriptionState.Terminated && line.subscriber === subscriber) {
        line.subscriber = undefined;
        this.set(line, 'unknown');
        clearTimeout(line.retry);
        line.retry = setTimeout(() => this.subscribe(line), retryMs);
        line.retry.unref();
      }
    });
    subscriber.subscribe().catch((error: unknown) => this.deps.logger.warn('Line subscription failed', { extension: line.extension, error: String(error) }));
  }

  /** A fresh subscription, and with it a full state from the PBX. */
  private restart(line: WatchedLine): void {
    this.stop(line);
    line.dialogs = new LineDialogs();
    this.subscribe(line);
  }

  private stop(line: WatchedLine): void {
    clearTimeout(line.retry);
    const subscriber = line.subscriber;
    line.subscriber = undefined;
    if (subscriber) void subscriber.dispose().catch(() => undefined);
  }

  dispose(): void {
    for (const line of this.lines.values()) this.stop(line);
    this.lines.clear();
  }
}
