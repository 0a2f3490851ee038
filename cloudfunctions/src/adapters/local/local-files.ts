import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, MAX_PHOTO_BYTES, type Result } from '@linli/shared';
import type { Files, StoredFile } from '../../ports/files';

type Meta = StoredFile & { name: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A ledger of 20,000 rows is about 1 MB. */
export const MAX_SHEET_BYTES = 10 * 1024 * 1024;

const ID = /^[A-Za-z0-9_-]{1,80}$/;

/** The image type from the file's first bytes, not from its name or a header the client sends. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Cloud storage on the local machine: each file and a small JSON of what is known about it in
 * one folder (.data/uploads/). The local host's POST /dev/upload checks type and size here, as
 * the WeChat client's chooseMedia limits and the function's re-check do in production.
 */
export class LocalFiles implements Files {
  constructor(private readonly dir: string) {}

  private meta(id: string): Meta | null {
    if (!ID.test(id)) return null;
    const file = join(this.dir, `${id}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Meta) : null;
  }

  private write(meta: Meta, bytes: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, meta.id), bytes);
    writeFileSync(join(this.dir, `${meta.id}.json`), JSON.stringify(meta));
  }

  /** An upload from the app: a JPEG, PNG or WEBP photo of at most 5 MB. */
  uploadImage(bytes: Uint8Array, name: string, ownerOpenid: string | null): Result<{ fileId: string }> {
    if (bytes.length > MAX_PHOTO_BYTES) return err('REQUEST.PHOTO_TOO_LARGE', { maxBytes: MAX_PHOTO_BYTES, size: bytes.length });
    const contentType = sniffImageType(bytes);
    if (!contentType) return err('REQUEST.PHOTO_TYPE');
    const id = `up-${randomUUID()}`;
    this.write({ id, contentType, size: bytes.length, name: name.slice(0, 100), ...(ownerOpenid ? { ownerOpenid } : {}) }, bytes);
    return ok({ fileId: id });
  }

  /** The original name an upload was made with (the local content check reads it). */
  nameOf(id: string): string | null {
    return this.meta(id)?.name ?? null;
  }

  read(id: string): { contentType: string; bytes: Buffer; name: string } | null {
    const meta = this.meta(id);
    if (!meta) return null;
    return { contentType: meta.contentType, bytes: readFileSync(join(this.dir, id)), name: meta.name };
  }

  async stat(fileId: string): Promise<StoredFile | null> {
    const meta = this.meta(fileId);
    if (!meta) return null;
    const { name: _name, ...stored } = meta;
    return stored;
  }

  async bytes(fileId: string): Promise<Uint8Array | null> {
    return this.read(fileId)?.bytes ?? null;
  }

  /** An upload from the app: an .xlsx workbook (a zip: PK\x03\x04) of at most MAX_SHEET_BYTES. */
  uploadSheet(bytes: Uint8Array, name: string, ownerOpenid: string | null): Result<{ fileId: string }> {
    if (bytes.length > MAX_SHEET_BYTES) return err('REQUEST.PHOTO_TOO_LARGE', { maxBytes: MAX_SHEET_BYTES, size: bytes.length });
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return err('LEDGER.UNREADABLE');
    const id = `up-${randomUUID()}`;
    this.write({ id, contentType: XLSX, size: bytes.length, name: name.slice(0, 100), ...(ownerOpenid ? { ownerOpenid } : {}) }, bytes);
    return ok({ fileId: id });
  }

  async save(file: { name: string; contentType: string; bytes: Uint8Array; ownerOpenid?: string }): Promise<string> {
    const id = `gen-${randomUUID()}`;
    this.write(
      {
        id,
        contentType: file.contentType,
        size: file.bytes.length,
        name: file.name,
        ...(file.ownerOpenid ? { ownerOpenid: file.ownerOpenid } : {}),
      },
      file.bytes,
    );
    return id;
  }

  async downloadUrl(fileId: string): Promise<string> {
    return `/dev/files/${encodeURIComponent(fileId)}`;
  }
}
