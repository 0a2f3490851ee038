/**
 * Creates every collection and the declared indexes (ports/collections.ts) in a CloudBase
 * environment with @cloudbase/manager-node. Safe to re-run: existing collections and indexes
 * (by name) are left as they are.
 *
 *   TCB_ENV_ID=… TCB_SECRET_ID=… TCB_SECRET_KEY=… npm run indexes:cloudbase
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import CloudBaseManager from '@cloudbase/manager-node';
import { COLLECTIONS, INDEXES, type IndexSpec } from '../src/ports/collections';

type ManagerDatabase = CloudBaseManager['database'];
type IndexChanges = Parameters<ManagerDatabase['updateCollection']>[1];
/** manager-node's CreateIndex, as `updateCollection` takes it. */
export type CreateIndex = NonNullable<IndexChanges['CreateIndexes']>[number];

/**
 * Collections that exist only on the local host: the dev inbox stands in for WeChat's own
 * delivery, so production never writes it and needs neither the collection nor its index.
 */
export const LOCAL_ONLY_COLLECTIONS: ReadonlySet<string> = new Set([COLLECTIONS.devInbox]);

/** One declared index in manager-node's (CloudBase API's) shape: Direction "1" / "-1". */
export function toCreateIndex(spec: IndexSpec): CreateIndex {
  return {
    IndexName: spec.name,
    MgoKeySchema: {
      MgoIndexKeys: spec.fields.map(([field, order]) => ({ Name: field, Direction: order === 'desc' ? '-1' : '1' })),
      MgoIsUnique: spec.unique ?? false,
    },
  };
}

/** What to create in the cloud: every production collection, with its indexes (possibly none). */
export function cloudPlan(
  indexes: readonly IndexSpec[] = INDEXES,
  collections: readonly string[] = Object.values(COLLECTIONS),
): Map<string, CreateIndex[]> {
  const plan = new Map<string, CreateIndex[]>();
  for (const name of [...collections, ...indexes.map((i) => i.collection)])
    if (!LOCAL_ONLY_COLLECTIONS.has(name) && !plan.has(name)) plan.set(name, []);
  const seen = new Set<string>();
  for (const spec of indexes) {
    const key = `${spec.collection}/${spec.name}`;
    if (seen.has(key)) throw new Error(`index ${key} is declared twice`);
    seen.add(key);
    plan.get(spec.collection)?.push(toCreateIndex(spec));
  }
  return plan;
}

const REQUIRED = ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const;

export async function applyIndexes(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const missing = REQUIRED.filter((key) => !env[key]);
  if (missing.length) {
    console.error(
      [
        `Cannot apply indexes: ${missing.join(', ')} not set.`,
        'Set all three, for an API key allowed to manage the environment (CAM: TCB full access):',
        '  TCB_ENV_ID      the CloudBase environment id, e.g. linli-prod-1a2b3c',
        '  TCB_SECRET_ID   a Tencent Cloud API SecretId',
        '  TCB_SECRET_KEY  its SecretKey',
        'then run: npm run indexes:cloudbase',
      ].join('\n'),
    );
    return 1;
  }
  const manager = new CloudBaseManager({ envId: env.TCB_ENV_ID, secretId: env.TCB_SECRET_ID, secretKey: env.TCB_SECRET_KEY });
  const database = manager.database;
  for (const [collection, wanted] of cloudPlan()) {
    const { IsCreated } = await database.createCollectionIfNotExists(collection);
    const missingIndexes: CreateIndex[] = [];
    for (const index of wanted) if (!(await database.checkIndexExists(collection, index.IndexName)).Exists) missingIndexes.push(index);
    if (missingIndexes.length) await database.updateCollection(collection, { CreateIndexes: missingIndexes });
    console.log(
      `  ${collection.padEnd(20)} ${IsCreated ? 'created' : 'exists '}  indexes: ${
        wanted.length ? wanted.map((i) => `${i.IndexName}${missingIndexes.includes(i) ? ' (new)' : ''}`).join(', ') : '-'
      }`,
    );
  }
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  applyIndexes().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
