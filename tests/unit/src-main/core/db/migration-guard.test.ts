import { describe, expect, it } from 'vitest';
import { compareMigrations } from '#core/db/migration-guard';

const known = [
  { createdAt: 100, hash: 'a' },
  { createdAt: 200, hash: 'b' },
];

describe('compareMigrations', () => {
  it('calls a database without history empty', () => {
    expect(compareMigrations([], known)).toEqual({ status: 'empty' });
  });

  it('is current when every known migration is applied', () => {
    expect(compareMigrations(known, known)).toEqual({ status: 'current' });
  });

  it('counts the migrations still to apply to an older database', () => {
    expect(compareMigrations([known[0]!], known)).toEqual({ status: 'behind', pending: 1 });
  });

  it('refuses a database that applied a migration this build does not know', () => {
    const applied = [...known, { createdAt: 300, hash: 'c' }];
    expect(compareMigrations(applied, known)).toEqual({ status: 'newer', unknown: [{ createdAt: 300, hash: 'c' }] });
  });

  it('refuses a database whose migration at a known time has other content', () => {
    const applied = [known[0]!, { createdAt: 200, hash: 'edited' }];
    expect(compareMigrations(applied, known).status).toBe('newer');
  });
});
