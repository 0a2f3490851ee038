import type { Doc, Patch } from '../ports/store';

/** Applies a Patch to a plain document the way CloudBase's update applies set/inc/remove. */
export function applyPatch<T extends Doc>(doc: T, patch: Patch): T {
  return applyPatchInPlace(structuredClone(doc), patch);
}

/** The same, changing `doc` itself: for a document just parsed that nobody else holds. */
export function applyPatchInPlace<T extends Doc>(doc: T, patch: Patch): T {
  const next = doc as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch.set ?? {})) setPath(next, path, value);
  for (const [path, by] of Object.entries(patch.inc ?? {})) {
    const current = getPath(next, path);
    setPath(next, path, (typeof current === 'number' ? current : 0) + by);
  }
  for (const path of patch.unset ?? []) unsetPath(next, path);
  return next as T;
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Would the patch change the document? CloudBase (MongoDB) counts only documents an update really
 * changed; answering from the patched paths avoids serialising the whole document to compare.
 */
export function patchChanges(doc: Doc, patch: Patch): boolean {
  const d = doc as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch.set ?? {})) if (!sameJson(getPath(d, path), value)) return true;
  for (const [path, by] of Object.entries(patch.inc ?? {})) if (by !== 0 || typeof getPath(d, path) !== 'number') return true;
  for (const path of patch.unset ?? []) if (getPath(d, path) !== undefined) return true;
  return false;
}

export function getPath(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = doc;
  for (const key of keys.slice(0, -1)) {
    const child = cur[key];
    if (child === null || typeof child !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

function unsetPath(doc: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let cur: unknown = doc;
  for (const key of keys.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[key];
  }
  if (cur !== null && typeof cur === 'object') delete (cur as Record<string, unknown>)[keys[keys.length - 1]!];
}
