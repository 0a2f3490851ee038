import { mkdirSync, rmSync } from 'node:fs';
import { createLocalPorts } from './local-ports';
import { DATA_DIR, DB_FILE } from './paths';
import { seedIfEmpty } from './seed';

/** `npm run reset`: throws away local data and seeds the demo street again. */
async function reset(): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DB_FILE}${suffix}`, { force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  const ports = createLocalPorts(DB_FILE);
  await seedIfEmpty(ports.store, ports.clock);
  ports.close();
  console.log(`已恢复演示数据：${DB_FILE}`);
}

void reset();
