import { describe, expect, it } from 'vitest';
import { IceServerSchema } from '#contract';
import { parseIceServers } from '#renderer/features/settings/PhoneSettings';

describe('ICE servers as typed in Settings', () => {
  it('reads one server per line, with TURN credentials after the address', () => {
    expect(parseIceServers('stun:stun.example.com:3478\n\n  turn:turn.example.com:3478 operator s3cret  \n')).toEqual([
      { urls: 'stun:stun.example.com:3478' },
      { urls: 'turn:turn.example.com:3478', username: 'operator', credential: 's3cret' },
    ]);
  });

  it('leaves a wrong address for the contract to refuse with its reason', () => {
    const [server] = parseIceServers('http://example.com');
    expect(IceServerSchema.safeParse(server).success).toBe(false);
  });
});
