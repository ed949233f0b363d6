import { Core } from 'sip.js';

type Parsed = ReturnType<typeof Core.Parser.parseMessage>;

/** The inbound guard's parse of the message it just passed, for sip.js's own parse of the same text. */
let screened: { text: string; message: NonNullable<Parsed> } | null = null;

const parse = Core.Parser.parseMessage;

/**
 * sip.js parses every message the transport hands it, right after the inbound guard has parsed the same text
 * to know that sip.js can read it: on a dialer's busy line the parser was most of the CPU spent per call.
 * The guard parses through here, and sip.js's next parse of exactly that text takes the guard's result
 * instead of parsing again (once: the transport hands a passed message to sip.js at once, synchronously).
 */
Core.Parser.parseMessage = (text, logger) => {
  const kept = screened;
  screened = null;
  return kept !== null && kept.text === text ? kept.message : parse(text, logger);
};

/** Parses a message for the inbound guard, keeping the result for sip.js's parse of the same text. */
export function parseScreened(text: string, logger: Core.Logger): Parsed {
  const message = parse(text, logger);
  screened = message ? { text, message } : null;
  return message;
}
