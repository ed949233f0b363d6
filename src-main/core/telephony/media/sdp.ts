/** Media direction of an SDP body (RFC 3264); sendrecv when none is given. */
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const directions: readonly Direction[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/** The direction of the first audio stream (media-level attribute first, then session-level). */
export function directionOf(sdp: string): Direction {
  const lines = sdp.split(/\r?\n/);
  const audio = lines.findIndex((line) => line.startsWith('m=audio'));
  const media = audio >= 0 ? lines.slice(audio + 1) : [];
  const nextMedia = media.findIndex((line) => line.startsWith('m='));
  const scoped = nextMedia >= 0 ? media.slice(0, nextMedia) : media;
  for (const set of [scoped, lines.slice(0, audio >= 0 ? audio : lines.length)]) {
    const found = set.find((line) => directions.some((d) => line === `a=${d}`));
    if (found) return found.slice(2) as Direction;
  }
  return 'sendrecv';
}

/** The direction an answer takes to an offer (RFC 3264 §6.1), given whether we are holding. */
export function answerDirection(offer: Direction, localHold = false): Direction {
  const base: Direction = offer === 'sendonly' ? 'recvonly' : offer === 'recvonly' ? 'sendonly' : offer === 'inactive' ? 'inactive' : 'sendrecv';
  if (!localHold) return base;
  return base === 'sendrecv' ? 'sendonly' : base === 'recvonly' ? 'inactive' : base;
}

/** Sets every audio stream's direction, replacing any direction attribute. */
export function withDirection(sdp: string, direction: Direction): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(/\r?\n/).filter((line) => !directions.some((d) => line === `a=${d}`));
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    if (line.startsWith('m=audio')) out.push(`a=${direction}`);
  }
  return out.join(eol);
}

/** Why an SDP cannot carry a call's audio, or null when it can: the check a real media stack makes first. */
export function audioProblem(sdp: string): string | null {
  if (!sdp.startsWith('v=0')) return 'not a session description';
  if (!/^m=audio [1-9]\d* /m.test(sdp)) return 'no audio stream offered';
  return null;
}
