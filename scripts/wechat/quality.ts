/**
 * `npm test`'s WeChat step: DevTools' 代码质量 scan (miniprogram-ci checkCodeQuality) and its code
 * analysis (analyseCode) on the weapp build, offline. Fails on any failed quality item; prints the
 * size of the main package and of each subpackage as WeChat counts them.
 *
 *   npx tsx scripts/wechat/quality.ts     (after npm run build:weapp)
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { ciProject, loadCi, stageProject, type AnalysedFile, type QualityItem } from './project';

/** WeChat's limits: 2 MB per package; we keep the main package well under it. */
export const PACKAGE_LIMIT = 2 * 1024 * 1024;

export interface PackageSize {
  name: string;
  bytes: number;
}

/** Sizes by package as analyseCode attributes each file: the main package first. */
export function packageSizes(files: readonly AnalysedFile[]): PackageSize[] {
  const sizes = new Map<string, number>([['main', 0]]);
  for (const f of files) {
    const name = f.subPackage ? f.subPackage.replace(/\/$/, '') : 'main';
    sizes.set(name, (sizes.get(name) ?? 0) + f.size);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

/** A quality item that failed, or a package over WeChat's limit. */
export interface Finding {
  name: string;
  text: string;
}

export const failedItems = (items: readonly QualityItem[]): Finding[] =>
  items.filter((i) => !i.success).map((i) => ({ name: String(i.name), text: i.text ?? '' }));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `projectDir`: a staged project (project.config.json + its miniprogramRoot); default the repository's weapp build. */
export async function checkWeappQuality(
  log: (line: string) => void = console.log,
  projectDir: string = stageProject(),
): Promise<{ failed: Finding[]; sizes: PackageSize[] }> {
  const ci = loadCi();
  const project = ciProject(ci, projectDir);
  const items = await ci.checkCodeQuality(project);
  const analysed = await ci.analyseCode(project, { silent: true });
  if (!analysed) throw new Error('analyseCode answered nothing');
  const sizes = packageSizes(analysed.files as AnalysedFile[]);
  for (const item of items)
    log(`  ${item.success ? '✔' : '✘'} ${item.name}${item.success ? '' : `: ${item.text}${item.docURL ? ` (${item.docURL})` : ''}`}`);
  log('  package sizes as WeChat counts them (analyseCode):');
  for (const p of sizes) log(`    ${p.name.padEnd(24)} ${kb(p.bytes).padStart(10)}  ${p.bytes > PACKAGE_LIMIT ? 'OVER 2 MB' : ''}`);
  const failed = [
    ...failedItems(items),
    ...sizes.filter((p) => p.bytes > PACKAGE_LIMIT).map((p) => ({ name: 'PACKAGE_OVER_2MB', text: p.name })),
  ];
  return { failed, sizes };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  checkWeappQuality().then(
    ({ failed }) => {
      if (failed.length) console.error(`WeChat code quality: ${failed.length} item(s) failed: ${failed.map((f) => f.name).join(', ')}`);
      // miniprogram-ci leaves a file watcher running: end the process
      process.exit(failed.length ? 1 : 0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
