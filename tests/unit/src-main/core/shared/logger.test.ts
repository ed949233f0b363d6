import { describe, expect, it } from 'vitest';
import { createStreamLogger, redactFields } from '#core/shared/logger';

describe('logger', () => {
  it('never writes secrets', () => {
    expect(redactFields({ user: 'op1', password: 'hunter2', sipPassword: 'x', token: 't', authorization: 'Basic' })).toEqual({
      user: 'op1',
      password: '[redacted]',
      sipPassword: '[redacted]',
      token: '[redacted]',
      authorization: '[redacted]',
    });
  });

  it('writes one JSON line per entry at or above its level', () => {
    const lines: string[] = [];
    const logger = createStreamLogger('warn', (line) => lines.push(line));
    logger.info('hidden');
    logger.warn('shown', { password: 'p' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 'warn', message: 'shown', password: '[redacted]' });
  });
});
