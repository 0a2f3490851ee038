import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, MAX_PHOTO_BYTES } from '@linli/shared';
import { readDevIdentity } from './dev-identity';
import type { LocalPorts } from './local-ports';
import { MAX_SHEET_BYTES } from '../src/adapters/local/local-files';

/**
 * Cloud storage on the local host. The H5 app sends a photo's bytes as the body of
 * POST /dev/upload (header x-file-name for its name) and gets a file id back, as
 * Taro.cloud.uploadFile answers a fileID in WeChat. GET /dev/files/<id> serves a file.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, ports: LocalPorts): Promise<void> {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const openid = readDevIdentity(req);
  if (!openid) return send(200, err('COMMON.UNAUTHENTICATED'));
  const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'photo'));
  // a ledger (.xlsx) from the staff's file input, or a photo
  const sheet = /\.xlsx$/i.test(name);
  const max = sheet ? MAX_SHEET_BYTES : MAX_PHOTO_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // keep reading (and dropping) so the client sees the answer rather than a reset connection
    if (size > max) tooLarge = true;
    else chunks.push(chunk);
  }
  if (tooLarge) return send(200, err('REQUEST.PHOTO_TOO_LARGE', { maxBytes: max, size }));
  const bytes = Buffer.concat(chunks);
  const uploaded = sheet ? ports.files.uploadSheet(bytes, name, openid) : ports.files.uploadImage(bytes, name, openid);
  return send(200, uploaded);
}

export function serveFile(id: string, res: ServerResponse, ports: LocalPorts): void {
  const file = ports.files.read(id);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('没有这个文件');
    return;
  }
  const download = !file.contentType.startsWith('image/');
  res.writeHead(200, {
    'content-type': file.contentType,
    'cache-control': 'private, max-age=3600',
    ...(download ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` } : {}),
  });
  res.end(file.bytes);
}
