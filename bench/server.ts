// The server the bench drives: the real dev server on loopback, on a fresh database
// seeded at the size the run asks for (BENCH_SIZE=demo|small|yuetang, bench/sizes.ts). Prints READY when listening.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDevServer } from '../server/dev/server';
import { createLocalRuntime } from '../server/runtime/local';
import { buildDemo, writeTree } from '../server/seed/demo';
import { seedBenchExtras } from './seed-extras';
import { benchSize } from './sizes';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-bench-'));
  const runtime = createLocalRuntime({ dbFile: path.join(dir, 'bench.sqlite'), log: () => undefined });
  const size = benchSize();
  const t0 = Date.now();
  writeTree(runtime.store, buildDemo(Date.now(), size));
  await seedBenchExtras(runtime, (process.env.BENCH_FIGURES ?? '').split(',').filter(Boolean));
  // The bulk seed leaves a long write-ahead log and a heap of garbage: fold the one into the
  // file and collect the other (bench/sized-server.ts starts this with --expose-gc) before
  // anything is measured, so neither falls on the first calls of one size.
  runtime.store.checkpoint();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let n = 0; n < 3; n++) gc();
  const seedMs = Date.now() - t0;
  const app = await createDevServer({ runtime, secret: 'bench-secret-bench-secret-bench' });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  console.log(`READY ${port} ${seedMs}`);
  const stop = async () => {
    await app.close();
    runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
