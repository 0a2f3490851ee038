import type { ManualChunkMeta, OutputOptions } from 'rollup';

/**
 * Taro's vite runner puts every node_modules module in `vendors` and every module with two
 * importers in `common`, both in the main package, even when only one subpackage's pages use them
 * (the QR code generator, a subpackage's own feature hooks and components). WeChat counts the main
 * package against its own limit, and a first-time visitor downloads it before anything shows.
 * This plugin sends such a module to a chunk inside that subpackage (`packages/<name>/shared.js`);
 * a module the main package or two subpackages need stays where Taro puts it. Styles stay in
 * `common` (a subpackage chunk's styles would not be imported by its pages).
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

export function subpackageChunks() {
  return {
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
}
