import { writeFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * `LINLI_BUNDLE_STATS=/tmp/stats.json npm run build:weapp` writes, for each chunk of the build, its
 * modules and their rendered length (before minification), largest first: what the main package's
 * vendors.js and common.js are made of (issue 15). Off unless the variable is set.
 */
export function bundleStats(file: string | undefined): Plugin[] {
  if (!file) return [];
  return [
    {
      name: 'linli-bundle-stats',
      generateBundle(_options, bundle) {
        const chunks: Record<string, [string, number][]> = {};
        for (const [name, chunk] of Object.entries(bundle))
          if (chunk.type === 'chunk')
            chunks[name] = Object.entries(chunk.modules)
              .map(([id, m]): [string, number] => [id, m.renderedLength])
              .sort((a, b) => b[1] - a[1]);
        writeFileSync(file, JSON.stringify(chunks, null, 1));
      },
    },
  ];
}
