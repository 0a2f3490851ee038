import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { err } from '@linli/shared';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromPhone } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import { readDevIdentity } from './dev-identity';
import type { LocalPorts } from './local-ports';
import { DEV_IDENTITIES } from './seed';
import { runTimer } from './timers';
import { handleUpload, serveFile } from './uploads';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const MAX_BODY = 1_000_000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

let requestCounter = 0;

/**
 * The local host: the H5 build at /, the cloud functions at POST /fn/<name> answering
 * the same envelope as in WeChat, and a few /dev/ helpers for the switcher and tests.
 */
export function createDevServer(ports: LocalPorts, staticDir: string): Server {
  const root = resolve(staticDir);
  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('local host error', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'COMMON.INTERNAL' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fnMatch = /^\/fn\/([^/]+)$/.exec(url.pathname);
    if (fnMatch) {
      if (req.method !== 'POST') return sendJson(res, 405, err('COMMON.INVALID_INPUT', { issues: [{ path: '', message: '请用 POST' }] }));
      const name = decodeURIComponent(fnMatch[1]!);
      let event: unknown;
      try {
        event = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return sendJson(res, 200, err('COMMON.INVALID_INPUT', { issues: [{ path: '', message: '请求不是合法的 JSON' }] }));
      }
      const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      const requestId = `local-${Date.now().toString(36)}-${(requestCounter++).toString(36)}`;
      const envelope = await dispatch(fn, event, fromPhone(readDevIdentity(req)), ports, requestId);
      return sendJson(res, 200, fn ? envelope : { ...envelope, error: { code: 'COMMON.UNKNOWN_FUNCTION', details: { function: name } } });
    }
    if (url.pathname === '/dev/identities') return sendJson(res, 200, { identities: DEV_IDENTITIES });
    if (url.pathname === '/dev/inbox') {
      const openid = url.searchParams.get('openid');
      const messages = await ports.store.find(COLLECTIONS.devInbox, {
        ...(openid ? { where: { toOpenid: openid } } : {}),
        orderBy: [['createdAt', 'desc']],
        limit: 100,
      });
      return sendJson(res, 200, { messages });
    }
    if (url.pathname === '/dev/clock') {
      if (req.method === 'POST') {
        const body = JSON.parse((await readBody(req)) || '{}') as { advanceMs?: number; set?: string; reset?: boolean };
        if (body.reset) ports.clock.reset();
        if (body.set) ports.clock.set(new Date(body.set));
        if (typeof body.advanceMs === 'number') ports.clock.advance(body.advanceMs);
      }
      return sendJson(res, 200, { now: ports.clock.now().toISOString() });
    }
    const timerMatch = /^\/dev\/timers\/([^/]+)$/.exec(url.pathname);
    if (timerMatch && req.method === 'POST') return sendJson(res, 200, await runTimer(decodeURIComponent(timerMatch[1]!), ports));
    if (url.pathname === '/dev/upload' && req.method === 'POST') return handleUpload(req, res, ports);
    const fileMatch = /^\/dev\/files\/([^/]+)$/.exec(url.pathname);
    if (fileMatch) return serveFile(decodeURIComponent(fileMatch[1]!), res, ports);
    if (url.pathname === '/dev/health') return sendJson(res, 200, { ok: true });
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const target = normalize(join(root, decodeURIComponent(pathname)));
    const inside = target.startsWith(root);
    const file = inside && existsSync(target) && statSync(target).isFile() ? target : join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('H5 构建还不存在：请先运行 npm run build:h5（npm start 会自动构建）。');
      return;
    }
    const isHtml = extname(file) === '.html';
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': isHtml ? 'no-store' : 'public, max-age=300',
    });
    createReadStream(file).pipe(res);
  }
}
