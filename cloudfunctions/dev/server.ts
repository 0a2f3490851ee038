import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { err, type Err } from '@linli/shared';
import { z } from 'zod';
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
/** Past this a client is not sending a mistake but a flood: the connection is cut. */
const MAX_DRAIN = 50 * MAX_BODY;
/** The dev clock moves at most this far in one call (ten years). */
const MAX_ADVANCE_MS = 10 * 366 * 86_400_000;

/** A request the host refuses with a typed answer (the same envelope as a function's). */
class HostRefusal extends Error {
  constructor(
    readonly status: number,
    readonly envelope: Err,
  ) {
    super(envelope.error.code);
  }
}

const invalid = (path: string, message: string) => err('COMMON.INVALID_INPUT', { issues: [{ path, message }] });

/** A path segment as sent; bad percent-encoding (`/%E0%A4%A`) is the client's mistake, not the host's. */
function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HostRefusal(400, invalid('url', '地址里有无法识别的字符（百分号编码不完整）'));
  }
}

const clockSchema = z.strictObject(
  {
    reset: z.boolean().optional(),
    set: z.iso.datetime({ offset: true, message: 'set 要写成 ISO 时间，如 2026-11-20T02:00:00.000Z' }).optional(),
    advanceMs: z
      .number({ message: 'advanceMs 要是毫秒数' })
      .int({ message: 'advanceMs 要是整数毫秒' })
      .min(-MAX_ADVANCE_MS, { message: 'advanceMs 最多倒退十年' })
      .max(MAX_ADVANCE_MS, { message: 'advanceMs 最多前进十年' })
      .optional(),
  },
  { error: '只认 reset、set 和 advanceMs' },
);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The request body as text. A body over the limit is read to its end and dropped, so the client
 * gets a typed 413 answer rather than a reset connection (only a flood is cut off).
 */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DRAIN) {
      req.destroy();
      break;
    }
    if (size <= MAX_BODY) chunks.push(chunk);
  }
  if (size > MAX_BODY) throw new HostRefusal(413, err('COMMON.PAYLOAD_TOO_LARGE', { maxBytes: MAX_BODY, size }));
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON body, or a typed refusal. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new HostRefusal(400, invalid('', '请求不是合法的 JSON'));
  }
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
      if (e instanceof HostRefusal) {
        if (!res.headersSent) sendJson(res, e.status, e.envelope);
        return;
      }
      console.error('local host error', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'COMMON.INTERNAL' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fnMatch = /^\/fn\/([^/]+)$/.exec(url.pathname);
    if (fnMatch) {
      if (req.method !== 'POST') return sendJson(res, 405, err('COMMON.INVALID_INPUT', { issues: [{ path: '', message: '请用 POST' }] }));
      const name = decodePath(fnMatch[1]!);
      let event: unknown;
      try {
        event = await readJson(req);
      } catch (e) {
        // bad JSON answers like a function would (200 with the envelope); a body too large is a 413
        if (e instanceof HostRefusal && e.status === 400) return sendJson(res, 200, e.envelope);
        throw e;
      }
      const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
      const requestId = `local-${Date.now().toString(36)}-${(requestCounter++).toString(36)}`;
      // the local host checks every answer against its contract: a shape the contract does not allow is a bug
      const envelope = await dispatch(fn, event, fromPhone(readDevIdentity(req)), ports, requestId, undefined, { checkOutputs: true });
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
        // checked as a whole before the clock moves: a bad date or a wild advance would break every later call
        const parsed = clockSchema.safeParse(await readJson(req));
        if (!parsed.success)
          return sendJson(
            res,
            400,
            err('COMMON.INVALID_INPUT', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }),
          );
        const body = parsed.data;
        if (body.reset) ports.clock.reset();
        if (body.set) ports.clock.set(new Date(body.set));
        if (body.advanceMs !== undefined) ports.clock.advance(body.advanceMs);
      }
      return sendJson(res, 200, { now: ports.clock.now().toISOString() });
    }
    const timerMatch = /^\/dev\/timers\/([^/]+)$/.exec(url.pathname);
    if (timerMatch && req.method === 'POST') return sendJson(res, 200, await runTimer(decodePath(timerMatch[1]!), ports));
    if (url.pathname === '/dev/upload' && req.method === 'POST') return handleUpload(req, res, ports);
    const fileMatch = /^\/dev\/files\/([^/]+)$/.exec(url.pathname);
    if (fileMatch) return serveFile(decodePath(fileMatch[1]!), res, ports);
    if (url.pathname === '/dev/health') return sendJson(res, 200, { ok: true });
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const target = normalize(join(root, decodePath(pathname)));
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
