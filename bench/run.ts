/**
 * `npm run bench`: prints the figures the issues ask for. Sizes and timings are printed,
 * never asserted by timed tests. Each feature's benchmark lives in bench/<feature>.bench.ts
 * and exports run().
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureWeapp } from './weapp-size';

const root = join(new URL('.', import.meta.url).pathname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const only = process.argv[2];

async function main(): Promise<void> {
  if (!only || only === 'size') {
    const dist = join(root, 'miniprogram/dist/weapp');
    console.log('▶ weapp package sizes (WeChat limit: 2048 KB per package; our target: main ≤ 512 KB)');
    const build = spawnSync('npm', ['run', 'build:weapp'], { cwd: root, stdio: 'ignore' });
    if (build.status !== 0 || !existsSync(dist)) throw new Error('weapp build failed: run npm run build:weapp to see why');
    const sizes = measureWeapp(dist);
    console.log(`weapp main package: ${kb(sizes.main)}${sizes.main <= 512 * 1024 ? '  ✔' : '  ✘ over the 512 KB target'}`);
    for (const p of sizes.subpackages) console.log(`weapp subpackage ${p.root}: ${kb(p.bytes)}`);
    console.log(`weapp total: ${kb(sizes.total)}`);
  }
  const benches = readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only || only === 'all' || f.startsWith(only))
    .sort();
  for (const file of benches) {
    console.log(`\n▶ ${file}`);
    const mod = (await import(pathToFileURL(join(root, 'bench', file)).href)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
