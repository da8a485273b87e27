// Bundles each cloud function entry (server/functions/<name>.ts, except the registry) into
// a deployable folder cloudfunctions/<name>/ with index.js and package.json. wx-server-sdk
// stays external: the cloud installs it from package.json.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const entries = fs
  .readdirSync(path.join(root, 'server/functions'))
  .filter((f) => f.endsWith('.ts') && f !== 'registry.ts')
  .map((f) => f.replace(/\.ts$/, ''));

async function main() {
  const started = Date.now();
  for (const name of entries) {
    const outDir = path.join(root, 'cloudfunctions', name);
    fs.mkdirSync(outDir, { recursive: true });
    await build({
      entryPoints: [path.join(root, 'server/functions', `${name}.ts`)],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      legalComments: 'none',
      logLevel: 'warning',
    });
    const pkg = {
      name,
      version: '1.0.0',
      description: `邻长通云函数 ${name}（由 npm run build:functions 生成）`,
      main: 'index.js',
      dependencies: { 'wx-server-sdk': '~4.0.2' },
    };
    fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  }
  console.log(`云函数已构建：${entries.join(', ')}（${Date.now() - started} ms）`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
