import { describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { callApi, createTestWorkstation } from '#tests/support/workstation';

describe('contact list pages by keyset', () => {
  it('gives the same rows by cursor as by offset, forwards, backwards and from the end, in every sort', async () => {
    const workstation = createTestWorkstation();
    await ok(workstation, 'demo.seed', { contacts: 300 });
    await new Promise<void>((resolve) => {
      const stop = workstation.events.on('job.progress', (p) => {
        if (p.kind === 'demo.seed' && p.state !== 'running') {
          stop();
          resolve();
        }
      });
    });
    for (const [sortBy, sortDir] of [['name', 'asc'], ['updated', 'desc'], ['created', 'asc']] as const) {
      const all = (await ok(workstation, 'contacts.list', { sortBy, sortDir, limit: 500 })).rows.map((r) => r.id);
      expect(all).toHaveLength(300);
      const page = (input: object) => ok(workstation, 'contacts.list', { sortBy, sortDir, limit: 50, ...input });
      // Forwards: each page after the last row of the one before.
      let cursor: string | undefined;
      const forwards: string[] = [];
      for (let i = 0; i < 6; i++) {
        const rows = (await page(cursor ? { after: cursor } : {})).rows;
        forwards.push(...rows.map((r) => r.id));
        cursor = rows.at(-1)?.cursor;
      }
      expect(forwards).toEqual(all);
      // From the end, then backwards: each page before the first row of the one after.
      const last = (await page({ fromEnd: true })).rows;
      expect(last.map((r) => r.id)).toEqual(all.slice(-50));
      const before = (await page({ before: last[0]?.cursor })).rows;
      expect(before.map((r) => r.id)).toEqual(all.slice(-100, -50));
      // And the offset path agrees.
      expect((await page({ offset: 150 })).rows.map((r) => r.id)).toEqual(all.slice(150, 200));
    }
  });

  it('refuses a cursor it did not hand out, naming it', async () => {
    const workstation = createTestWorkstation();
    expect(await callApi(workstation, 'contacts.list', { after: 'not-a-cursor' })).toMatchObject({ ok: false, error: { code: 'invalid_payload', reason: 'stale_list_position', params: { field: 'cursor' } } });
  });
});
