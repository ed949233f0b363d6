import { UserAgent, type URI } from 'sip.js';
import { DomainError } from '#core/shared/errors';
import type { SipAccount } from '#core/telephony/sip/sip-account';

/** A number in any format ("067 123 45 67", "+380…") or a SIP address, as a SIP URI on the account's PBX. */
export function dialTarget(target: string, account: SipAccount): URI {
  const text = target.trim();
  const uri = text.startsWith('sip:') ? UserAgent.makeURI(text) : UserAgent.makeURI(`sip:${text.replace(/[\s()./-]/g, '')}@${account.ua.configuration.uri.host}`);
  if (!uri) throw new DomainError('invalid_payload', 'not_a_dial_target', `${target} is neither a number nor a SIP address`, { target });
  return uri;
}
