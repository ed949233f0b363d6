import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { securityHeaders } from '#hosts/common/security-headers';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
};

/**
 * Serves the built renderer (out/renderer) read-only. Only GET and HEAD; paths are confined to
 * the root; unknown paths get index.html so the client-side router can take them.
 */
export function createStaticHandler(root: string) {
  const rootWithSep = normalize(root + sep);
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400, securityHeaders).end('Bad request');
      return;
    }
    const candidate = normalize(join(root, pathname));
    if (!candidate.startsWith(rootWithSep) && candidate !== normalize(root)) {
      response.writeHead(403, securityHeaders).end('Forbidden');
      return;
    }
    const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, 'index.html');
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const cache = file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable';
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...securityHeaders });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}
