import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '#renderer/routing/useHashRoute';

describe('hash routes', () => {
  it('reads an area and an opened record', () => {
    expect(parseRoute('#/contacts/ct-0000001')).toEqual({ area: 'contacts', id: 'ct-0000001' });
    expect(parseRoute('#/calendar')).toEqual({ area: 'calendar', id: null });
  });

  it('falls back to contacts for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ area: 'contacts', id: null });
    expect(parseRoute('#/admin/1')).toEqual({ area: 'contacts', id: null });
  });

  it('round-trips ids that need escaping', () => {
    const route = { area: 'contacts' as const, id: 'ct/with space' };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('opens the area and names the unreadable part of a link with a broken escape', () => {
    expect(parseRoute('#/contacts/%E0%A4%A')).toEqual({ area: 'contacts', id: null, unreadableId: '%E0%A4%A' });
  });

  it('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl().map((u) => `#/contacts/${u}`)), (hash) => {
        const route = parseRoute(hash);
        expect(typeof route.area).toBe('string');
      }),
      { numRuns: 2_000 },
    );
  });
});
