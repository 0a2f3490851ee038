import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface PackageSizes {
  main: number;
  subpackages: { root: string; bytes: number }[];
  total: number;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Splits the weapp build into the main package and its subpackages, as WeChat counts them (2 MB each). */
export function measureWeapp(distDir: string): PackageSizes {
  if (!existsSync(join(distDir, 'app.json'))) throw new Error(`no weapp build at ${distDir}: run npm run build:weapp`);
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes = new Map(roots.map((r) => [r, 0]));
  let main = 0;
  for (const file of files(distDir)) {
    if (file.endsWith('.map')) continue;
    const rel = relative(distDir, file).split(sep).join('/');
    const bytes = statSync(file).size;
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
    if (root) sizes.set(root, (sizes.get(root) ?? 0) + bytes);
    else main += bytes;
  }
  const subpackages = [...sizes].map(([root, bytes]) => ({ root, bytes }));
  return { main, subpackages, total: main + subpackages.reduce((s, p) => s + p.bytes, 0) };
}
