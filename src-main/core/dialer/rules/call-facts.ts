import type { AttemptRecord } from './attempt-history';
import type { DialMode } from './vocabulary';

/** A do-not-call list the dialer looked the number up in. */
export interface DncListCheck {
  /** "global", "campaign", a national registry ("us_national_dnc", "uk_tps") or a campaign's own list id. */
  list: string;
  listed: boolean;
  /** When the list (or the copy of a national registry) was read, epoch ms. */
  checkedAt: number;
}

/**
 * Everything decide() needs to know about one attempt, gathered by the dialer (from SQLite) right
 * before dialing. Plain data: the engine reads no clock, database or network of its own.
 */
export interface CallFacts {
  callee: {
    e164: string;
    /** From readCalleeNumber(): the number's country and the zones of its range. */
    country: string | null;
    numberZones: readonly string[] | null;
    /** The contact's own IANA zone; when set it wins over the number's. */
    zoneOverride: string | null;
    /** A date-holidays region for regional holidays (GB "SCT", US "CA"…), when known. */
    holidayRegion: string | null;
  };
  doNotCall: {
    /** The contact's own do-not-call flag (an opt-out recorded during a call sets it at once). */
    contact: boolean;
    /** Their company's flag. */
    company: boolean;
    /** Lists looked up: at least "global" and "campaign", plus the policy's registries and campaign lists. */
    lists: readonly DncListCheck[];
  };
  /** Recorded prior consent to calls of this kind, with its source (form, recording, contract…). */
  consent: { source: string; givenAt: number; revokedAt: number | null } | null;
  history: {
    /** Every attempt to this callee (all numbers of the same contact) in the last 31 days at least (HISTORY_MS), in-flight ones as "pending". */
    attempts: readonly AttemptRecord[];
    /** All attempts ever, for the lifetime cap. */
    lifetimeAttempts: number;
  };
  /** The campaign's abandoned and live-answered calls over the policy's abandon period (policy.abandon.periodHours). */
  abandonStats: { abandoned: number; liveAnswered: number; periodHours: number };
  mode: DialMode;
  /**
   * Power mode: this attempt is a line beyond the one a free operator waits for, so its answer may find
   * nobody and be abandoned; only such lines need abandon budget. Unknown counts as extra.
   */
  extraLine?: boolean;
}
