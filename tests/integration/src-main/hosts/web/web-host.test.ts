import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '#core/shared/logger';
import { startWebHost, type RunningWebHost } from '#hosts/web/web-host';
import { tempDir } from '#tests/support/temp-dir';
import { createTestWorkstation } from '#tests/support/workstation';
import { connectApi, type TestSocket } from '#tests/support/ws-client';

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function startHost() {
  const workstation = createTestWorkstation();
  const rendererDir = tempDir('renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>workplace</title>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  const host = await startWebHost({ workstation, rendererDir, port: 0, logger: silentLogger });
  hosts.push(host);
  const socketUrl = (token: string | null) => `ws://127.0.0.1:${new URL(host.origin).port}/api${token === null ? '' : `?token=${token}`}`;
  return { workstation, host, socketUrl };
}

function httpGet(url: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function connected(url: string, origin: string): Promise<TestSocket> {
  const outcome = await connectApi(url, origin);
  if ('refused' in outcome) throw new Error(`refused with ${outcome.refused}`);
  return outcome;
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', async () => {
    const { host } = await startHost();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(host.url).toContain(host.token);
  });

  it('makes a new token at every start', async () => {
    const first = await startHost();
    const second = await startHost();
    expect(first.host.token).not.toBe(second.host.token);
  });

  it('carries the API to a page with the token and our origin', async () => {
    const { host, socketUrl } = await startHost();
    const client = await connected(socketUrl(host.token), host.origin);
    expect(await client.request('app.info', {})).toMatchObject({ ok: true, value: { host: 'web', contactCount: 0 } });
    await client.close();
  });

  it.each([
    ['a wrong token', 'wrong-token-wrong-token-wrong-tok', 401],
    ['no token', null, 401],
  ])('refuses %s', async (_label, token, status) => {
    const { host, socketUrl } = await startHost();
    expect(await connectApi(socketUrl(token), host.origin)).toEqual({ refused: status });
  });

  it.each([
    ['a foreign Origin', 'http://evil.example'],
    ['another port on loopback', 'http://127.0.0.1:1'],
    ['no Origin at all', undefined],
  ])('refuses %s even with the right token', async (_label, origin) => {
    const { host, socketUrl } = await startHost();
    expect(await connectApi(socketUrl(host.token), origin)).toEqual({ refused: 403 });
  });

  it('answers a malformed frame with a typed error and keeps the socket', async () => {
    const { host, socketUrl } = await startHost();
    const client = await connected(socketUrl(host.token), host.origin);
    const reply = await client.sendRaw('{not json');
    expect(reply).toMatchObject({ type: 'result', id: 0, result: { ok: false, error: { code: 'invalid_payload' } } });
    const bad = await client.request('settings.update', { theme: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'theme' }] } });
    expect(await client.request('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'auto' } });
    await client.close();
  });

  it('pushes events to connected pages', async () => {
    const { host, socketUrl } = await startHost();
    const client = await connected(socketUrl(host.token), host.origin);
    const event = client.nextEvent('settings.changed');
    await client.request('settings.update', { language: 'ru' });
    expect(await event).toMatchObject({ language: 'ru' });
    await client.close();
  });

  it('serves the renderer with a strict CSP and no referrer, and nothing outside it', async () => {
    const { host } = await startHost();
    const page = await httpGet(host.origin, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await httpGet(host.origin, '/app.js')).body).toBe('console.log(1)');
    const traversal = await httpGet(host.origin, '/..%2f..%2f..%2fetc%2fpasswd');
    expect(traversal.body).not.toContain('root:');
  });
});
