import { mkdirSync } from 'node:fs';
import { createLocalPorts } from './local-ports';
import { DATA_DIR, DB_FILE, H5_DIR } from './paths';
import { seedIfEmpty } from './seed';
import { createDevServer } from './server';
import { startTimers } from './timers';

/** `npm run dev:host`: the local stack on 127.0.0.1 with the embedded database under .data/. */
async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const ports = createLocalPorts(DB_FILE);
  const seeded = await seedIfEmpty(ports.store, ports.clock);
  const port = Number(process.env.PORT ?? 8787);
  const server = createDevServer(ports, H5_DIR);
  const stopTimers = startTimers(ports);
  server.listen(port, '127.0.0.1', () => {
    console.log(seeded ? `已创建演示数据：${DB_FILE}` : `沿用已有数据：${DB_FILE}（npm run reset 可恢复演示数据）`);
    console.log(`邻里 Linli 本地运行中：http://127.0.0.1:${port}/`);
  });
  const stop = () => {
    stopTimers();
    server.close();
    ports.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
