import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLocalPorts } from '../cloudfunctions/dev/local-ports';
import { H5_DIR } from '../cloudfunctions/dev/paths';
import { seedIfEmpty } from '../cloudfunctions/dev/seed';
import { createDevServer } from '../cloudfunctions/dev/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One local host for the browser tests: a fresh seeded database in a temp folder, on a free port. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const ports = createLocalPorts(join(dir, 'linli.db'));
  await seedIfEmpty(ports.store, ports.clock);
  const server = createDevServer(ports, H5_DIR);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('baseUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
