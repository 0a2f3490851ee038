import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z as Zod } from 'zod';
import { measureWeapp } from '../bench/weapp-size';
import { processorsStub, toJsonSchemaStub } from '../miniprogram/config/zod-without-json-schema';

const root = join(new URL('.', import.meta.url).pathname, '..');
/** 628 KB after moving what only one subpackage uses (miniprogram/config/subpackage-chunks.ts); it was 632 KB. */
// 648 KB after session 4 (the card poster notice and the 服务群众工作日 section on the card page); to be cut back, see issue 15
// issue 15: 643,066 B without zod's JSON Schema generator (miniprogram/config/zod-without-json-schema.ts), limit + ~8 KB
// issue 15: 545,135 B with Preact instead of React in the weapp build (was 644,710 B), limit + ~7 KB
const MAIN_PACKAGE_LIMIT = 540 * 1024;
const dist = join(root, 'miniprogram/dist/weapp');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** The mini-program WeChat DevTools opens: built for real, then checked as WeChat would take it. */
describe('weapp build', () => {
  beforeAll(() => {
    // vitest sets NODE_ENV=test, which Taro's build must not inherit
    const build = spawnSync('npm', ['run', 'build:weapp'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error(`weapp build failed:\n${build.stdout}\n${build.stderr}`);
  }, 240_000);

  it('keeps the main package under the limit above (the issue-15 target is 512 KB) and every package under WeChat’s 2 MB', () => {
    const sizes = measureWeapp(dist);
    expect(sizes.main).toBeLessThan(MAIN_PACKAGE_LIMIT);
    for (const p of sizes.subpackages) expect(p.bytes, p.root).toBeLessThan(2 * 1024 * 1024);
  });

  it('requires across packages only into the main package (a subpackage’s own chunk stays inside it)', () => {
    const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
    const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
    const packageOf = (rel: string) => roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    const wrong: string[] = [];
    for (const file of files(dist).filter((f) => f.endsWith('.js'))) {
      const from = relative(dist, file).split(sep).join('/');
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/require\(["'](\.{1,2}\/[^"']+)["']\)/g)) {
        const to = relative(dist, resolve(dirname(file), target!))
          .split(sep)
          .join('/');
        const into = packageOf(to);
        if (!existsSync(resolve(dirname(file), target!)) && !existsSync(`${resolve(dirname(file), target!)}.js`))
          wrong.push(`${from} → ${target} (missing)`);
        else if (into !== 'main' && into !== packageOf(from)) wrong.push(`${from} → ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts the staff pages in subpackages and only tab and first-visit pages in the main package', () => {
    const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: { root: string; pages: string[] }[];
    };
    expect(app.pages.every((p) => p.startsWith('pages/'))).toBe(true);
    const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
    // every subpackage sits under packages/, one per folder of miniprogram/src/packages/
    expect(roots.every((r) => r.startsWith('packages/'))).toBe(true);
    expect(roots.sort()).toEqual(
      readdirSync(join(root, 'miniprogram/src/packages'))
        .map((d) => `packages/${d}`)
        .sort(),
    );
    expect(app.subPackages?.find((s) => s.root.replace(/\/$/, '') === 'packages/staff')?.pages).toEqual(
      expect.arrayContaining(['team/index', 'bindings/index']),
    );
  });

  it('ships zod without its JSON Schema generator, and that zod still parses, reports issues and reads bounds', async () => {
    expect(readFileSync(join(dist, 'vendors.js'), 'utf8')).toContain('JSON Schema generation is not in the mini-program build');
    // the same stubs over a copy of the installed zod, loaded in node
    const copy = join(mkdtempSync(join(tmpdir(), 'linli-zod-')), 'zod');
    cpSync(join(root, 'node_modules/zod'), copy, { recursive: true });
    for (const [file, stub] of [
      ['json-schema-processors.js', processorsStub],
      ['to-json-schema.js', toJsonSchemaStub],
    ] as const) {
      const path = join(copy, 'v4/core', file);
      writeFileSync(path, stub(readFileSync(path, 'utf8')));
    }
    const { z } = (await import(pathToFileURL(join(copy, 'v4/index.js')).href)) as { z: typeof Zod };
    const schema = z.object({
      name: z.string().trim().min(2).max(5),
      count: z.number().int().positive(),
      kind: z.enum(['a', 'b']).optional(),
    });
    expect(schema.parse({ name: ' 张三 ', count: 2 })).toEqual({ name: '张三', count: 2 });
    expect(schema.safeParse({ name: 'x', count: 1.5, kind: 'c' }).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'name',
      'count',
      'kind',
    ]);
    expect(z.string().min(3).max(9).maxLength).toBe(9);
    expect(() => schema.toJSONSchema()).toThrow(/not in the mini-program build/);
  });

  it('carries no trace of the local dev identity', () => {
    const hits = files(dist)
      .filter((f) => /\.(js|json|wxml)$/.test(f))
      .filter((f) => /x-linli-dev-openid|linli\.devOpenid|\/dev\/identities/.test(readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });

  it('a release build refuses the placeholder environment id and stand-in template ids, naming each setting', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LINLI_RELEASE: '1' };
    for (const key of Object.keys(env)) if (key === 'LINLI_CLOUD_ENV' || key.startsWith('LINLI_TEMPLATE_')) delete env[key];
    const refused = spawnSync('npm', ['run', 'build:weapp'], { cwd: root, encoding: 'utf8', env });
    expect(refused.status).not.toBe(0);
    const said = `${refused.stdout}\n${refused.stderr}`;
    for (const setting of ['LINLI_CLOUD_ENV', 'LINLI_TEMPLATE_NOTICE', 'LINLI_TEMPLATE_STAFF_OVERDUE']) expect(said).toContain(setting);
    // the everyday build above is still there: a refused release writes nothing
    expect(readFileSync(join(dist, 'app.json'), 'utf8')).toContain('pages');
  }, 60_000);
});
