import { describe, expect, it } from 'vitest';
import { isOwnOrigin, isOwnPage } from '#hosts/common/app-origin';

describe('our own pages and origin (desktop app)', () => {
  it('accepts exactly app://workstation', () => {
    expect(isOwnPage('app://workstation/index.html')).toBe(true);
    expect(isOwnOrigin('app://workstation')).toBe(true);
    expect(isOwnOrigin('app://workstation/')).toBe(true);
  });

  it('refuses look-alikes that share a prefix', () => {
    expect(isOwnPage('app://workstation.evil/index.html')).toBe(false);
    expect(isOwnPage('app://workstationx')).toBe(false);
    expect(isOwnOrigin('app://workstation.evil')).toBe(false);
    expect(isOwnOrigin('app://workstation:80')).toBe(false);
    expect(isOwnOrigin('https://workstation')).toBe(false);
  });
});
