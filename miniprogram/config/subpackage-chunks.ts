import { createHash } from 'node:crypto';
import type { ManualChunkMeta, OutputOptions, PluginContext, ResolveIdResult } from 'rollup';

/**
 * Taro's vite runner puts every node_modules module in `vendors` and every module with two
 * importers in `common`, both in the main package, even when only one subpackage's pages use them
 * (the QR code generator, a subpackage's own feature hooks and components). WeChat counts the main
 * package against its own limit, and a first-time visitor downloads it before anything shows.
 * This plugin sends such a module to a chunk inside that subpackage (`packages/<name>/shared.js`);
 * a module the main package or two subpackages need stays where Taro puts it. Styles stay in
 * `common` (a subpackage chunk's styles would not be imported by its pages).
 *
 * A module two or more subpackages use (and no main page) would still land in `common`: a package
 * may require only itself or the main package. For the stateless ones named in `copies`, each
 * importer gets its own copy instead (`<id>?linli-copy=<subpackage>`), which the rule above then
 * sends into that subpackage: a few KB twice in subpackages rather than once in the main package.
 * A copy's own imports named in `copies` are copied for the same subpackage; the rest stay shared.
 */
const SUBPACKAGE = /[\\/]src[\\/](packages[\\/][^\\/?]+)[\\/]/;
const STYLE = /\.(css|less|scss|sass|styl)(\?|$)/;

type ManualChunks = (id: string, meta: ManualChunkMeta) => string | null | undefined;

/** The one subpackage whose pages alone (transitively) import `id`, or null. */
export function onlySubpackageOf(id: string, meta: ManualChunkMeta): string | null {
  let root: string | null = null;
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const m = queue.pop()!;
    if (seen.has(m)) continue;
    seen.add(m);
    const info = meta.getModuleInfo(m);
    if (!info) return null;
    const importers = [...info.importers, ...info.dynamicImporters];
    if (info.isEntry || importers.length === 0) {
      const match = SUBPACKAGE.exec(m);
      if (!match) return null; // the app itself or a main-package page reaches it
      const r = match[1]!.replace(/\\/g, '/');
      if (root !== null && root !== r) return null;
      root = r;
      continue; // a page is where the walk up ends
    }
    queue.push(...importers);
  }
  return root;
}

const COPY = /[?&]linli-copy=([\w-]+)/;
const SHARED = /[/]shared[/]src[/]/;
const SHARED_EFFECTS = /[/]shared[/]src[/]common[/]time\.ts/;

/** Which copy an importer's imports get: its subpackage, the copy it is itself, or one of its own. */
function copyKey(importer: string): string {
  const inherited = COPY.exec(importer);
  if (inherited) return inherited[1]!;
  const match = SUBPACKAGE.exec(importer);
  if (match) return match[1]!.replace(/\\/g, '/').replace('packages/', '');
  return createHash('sha1').update(importer).digest('hex').slice(0, 8);
}

/** Resolves an import named in `copies` to the importer's own copy (see above). */
function copyPerImporter(copies: RegExp[]) {
  return {
    name: 'linli:subpackage-copies',
    enforce: 'pre' as const,
    async resolveId(
      this: PluginContext,
      source: string,
      importer: string | undefined,
      options: { isEntry: boolean },
    ): Promise<ResolveIdResult> {
      if (!importer || importer.includes('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || COPY.test(resolved.id)) return null;
      const path = resolved.id.replace(/\\/g, '/');
      // shared/ is pure (but for dayjs.extend in time.ts): a module none of whose exports is used
      // is left out, however its zod schemas are built; else @linli/shared's barrel keeps them all
      const pure = SHARED.test(path) && !SHARED_EFFECTS.test(path) ? { moduleSideEffects: false } : {};
      // shared/'s own imports (its barrel, one module of it another) stay one module, but in a copy
      const fromShared = SHARED.test(importer.replace(/\\/g, '/')) && !COPY.test(importer);
      if (fromShared || !copies.some((c) => c.test(path))) return SHARED.test(path) ? { ...resolved, ...pure } : null;
      return { ...resolved, ...pure, id: `${resolved.id}${resolved.id.includes('?') ? '&' : '?'}linli-copy=${copyKey(importer)}` };
    },
  };
}

export function subpackageChunks({ copies = [] }: { copies?: RegExp[] } = {}) {
  const chunks = {
    name: 'linli:subpackage-chunks',
    enforce: 'post' as const,
    outputOptions(options: OutputOptions): OutputOptions {
      const taro = options.manualChunks;
      if (typeof taro !== 'function') return options;
      const manualChunks: ManualChunks = (id, meta) => {
        const chunk = (taro as ManualChunks)(id, meta);
        // only what Taro would put in the main package's common or vendors; the rest follows its importer
        if (chunk !== 'common' && chunk !== 'vendors') return chunk;
        const root = STYLE.test(id) ? null : onlySubpackageOf(id, meta);
        return root ? `${root}/shared` : chunk;
      };
      return { ...options, manualChunks };
    },
  };
  return copies.length ? [copyPerImporter(copies), chunks] : [chunks];
}
