/** What the pacing knows when it decides how many lines to keep ringing. */
export interface PacingState {
  /** Operators ready (or about to be: in wrap-up's last seconds is not counted). */
  readyOperators: number;
  /** Attempts out now (ringing). */
  attemptsOut: number;
  /** The campaign's most lines per ready operator. */
  maxRatio: number;
  /** Abandoned and live-answered calls over the profile's period, and the cap on their share. */
  abandoned: number;
  liveAnswered: number;
  abandonCap: number;
}

/**
 * The lines per ready operator power mode dials now: the campaign's ratio while the abandon rate is under
 * half its cap, lowered in a straight line to one line per operator as the rate nears the cap, so the
 * pacing backs off before the rules' hard stop (which refuses a power attempt once the budget for one more
 * abandoned call is gone). A campaign with too few live answers yet to know its rate starts at one line.
 */
export function pacedRatio(state: Pick<PacingState, 'maxRatio' | 'abandoned' | 'liveAnswered' | 'abandonCap'>): number {
  if (state.abandonCap <= 0 || state.liveAnswered < 1 / state.abandonCap) return 1;
  const rate = state.abandoned / state.liveAnswered;
  const room = Math.min(1, Math.max(0, (state.abandonCap - rate) / (state.abandonCap / 2)));
  return 1 + (state.maxRatio - 1) * room;
}

/**
 * How many more attempts to place now (never negative). Every line beyond one per ready operator may be
 * answered with nobody free, so there are never more such lines out than abandons the cap still has room
 * for over its period: the cap holds even when all of them answer at once.
 */
export function attemptsToPlace(state: PacingState): number {
  const budgetLeft = Math.floor(state.abandonCap * state.liveAnswered + 1e-9) - state.abandoned;
  const wanted = Math.min(Math.floor(state.readyOperators * pacedRatio(state)), state.readyOperators + Math.max(0, budgetLeft));
  return Math.max(0, wanted - state.attemptsOut);
}
