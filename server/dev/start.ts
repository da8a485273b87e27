// `npm start`: the local runtime on ./data/lzt.sqlite, seeded with the demo 社区 when empty,
// serving the H5 build and the functions at http://127.0.0.1:8080 (PORT, HOST, DATA_DIR).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { purgeExpired } from '../features/maintenance/purge';
import { sweepPorts } from '../features/minqing/sweep';
import { createLocalRuntime } from '../runtime/local';
import { seedDemoIfEmpty } from '../seed/demo';
import { createDevServer } from './server';

/** From the environment, else generated once into the (git-ignored) data folder. */
function localSecret(dataDir: string, envName: string, fileName: string): string {
  if (process.env[envName]) return process.env[envName] as string;
  const file = path.join(dataDir, fileName);
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
const sessionSecret = (dataDir: string) => localSecret(dataDir, 'LZT_SESSION_SECRET', 'session-secret');

async function main() {
  const root = path.resolve(__dirname, '../..');
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, 'data'));
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  fs.mkdirSync(dataDir, { recursive: true });

  const baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const runtime = createLocalRuntime({
    dbFile: path.join(dataDir, 'lzt.sqlite'),
    baseUrl,
    passKey: localSecret(dataDir, 'LZT_PASS_SECRET', 'pass-secret'),
  });
  if (process.env.LZT_SEED !== 'none' && (await seedDemoIfEmpty(runtime.store, Date.now(), runtime.ports))) {
    console.log('已写入演示数据：幸福里社区（3 片、9 组、30 邻、400 户）');
  }
  const app = await createDevServer({
    runtime,
    secret: sessionSecret(dataDir),
    staticDir: path.join(root, 'dist-h5'),
  });
  await app.listen({ port, host });
  console.log(`邻长通本地版已启动：${baseUrl}`);

  // What the cloud's `maintenance` function does daily on its timer: here at start and hourly.
  const purge = () => purgeExpired(runtime.store, runtime.ports.clock.now()).catch((e) => console.error('[lzt] purge failed', e));
  void purge();
  const purging = setInterval(purge, 3600_000);
  purging.unref();
  // What the cloud's `minqingSweep` timer does every 10 minutes: overdue flags, 默认满意.
  const sweep = () => sweepPorts(runtime.ports).catch((e) => console.error('[lzt] minqing sweep failed', e));
  void sweep();
  const sweeping = setInterval(sweep, 600_000);
  sweeping.unref();

  const stop = async () => {
    clearInterval(purging);
    clearInterval(sweeping);
    await app.close();
    runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
