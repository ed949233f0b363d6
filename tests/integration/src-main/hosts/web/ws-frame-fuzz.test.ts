import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type RunningWebHost } from '#hosts/web/web-host';
import { namedBadFrames, randomFrames, sendRawFrames } from '#tests/support/fuzz/ws-frames';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';
import type { Workstation } from '#core/app/workstation';
import { connectApi } from '#tests/support/ws-client';
import { silentLogger } from '#core/shared/logger';

/** The browser host's API socket limit (ws-server.ts). */
const maxPayload = 4 * 1024 * 1024;

describe('browser host under malformed WebSocket frames', () => {
  let host: RunningWebHost;
  let port: number;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  const renderer = tempDirOutsideTest('renderer-');
  const data = tempDirOutsideTest();
  let workstation: Workstation;

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>workplace</title>');
    workstation = createSuiteWorkstation(data.path);
    host = await startWebHost({ workstation, rendererDir: renderer.path, port: 0, logger: silentLogger });
    port = Number(new URL(host.origin).port);
  });

  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    await host.close();
    await workstation.dispose();
    renderer.remove();
    data.remove();
  });

  const send = (bytes: Buffer, waitMs = 3_000) => sendRawFrames({ port, path: `/api?token=${host.token}`, origin: host.origin, bytes, waitMs });

  async function stillServes(): Promise<void> {
    const socket = await connectApi(`ws://127.0.0.1:${port}/api?token=${host.token}`, host.origin);
    if ('refused' in socket) throw new Error(`refused with ${socket.refused}`);
    const answer = await socket.request('app.info', {});
    await socket.close();
    expect(answer.ok).toBe(true);
  }

  it.each(namedBadFrames(true, maxPayload).map((c) => [c.name, c] as const))('closes the connection on %s, with the right code, and carries on', async (_name, testCase) => {
    const exchange = await send(testCase.bytes);
    expect(exchange.ended).toBe(true);
    expect(testCase.expectClose).toContain(exchange.closeCode);
    expect(crashes).toEqual([]);
    await stillServes();
  });

  it('survives 1,000 random frames, and the next connection works', async () => {
    const cases = randomFrames(1_000, 20261201, true);
    for (let i = 0; i < cases.length; i += 25) {
      await Promise.all(cases.slice(i, i + 25).map((c) => send(c.bytes, 40)));
      if (i % 250 === 0) await stillServes();
    }
    expect(crashes).toEqual([]);
    await stillServes();
  });
});
