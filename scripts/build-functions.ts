// Bundles each cloud function entry (server/functions/<name>.ts, except the registry) into
// a deployable folder cloudfunctions/<name>/ with index.js and package.json. wx-server-sdk,
// and packages that read their own data files at run time (pdfkit, exceljs), stay external:
// the cloud installs them from the generated package.json, at the versions we test with.
// Fonts a function embeds (Chinese text in PDFs) are copied beside it. An entry that exports
// TIMER_TRIGGERS gets them as config.json, which WeChat DevTools and CloudBase deploy with it.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const EXTERNAL = ['wx-server-sdk', 'pdfkit', 'exceljs'];
const FONTS_DIR = path.join(root, 'node_modules/@expo-google-fonts/noto-sans-sc');
const FONTS: [string, string][] = [
  ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
];
const versionOf = (name: string) =>
  name === 'wx-server-sdk' ? '~4.0.2' : (rootPkg.dependencies[name] ?? rootPkg.devDependencies[name]);
const entries = fs
  .readdirSync(path.join(root, 'server/functions'))
  .filter((f) => f.endsWith('.ts') && f !== 'registry.ts')
  .map((f) => f.replace(/\.ts$/, ''));

async function main() {
  const started = Date.now();
  for (const name of entries) {
    const outDir = path.join(root, 'cloudfunctions', name);
    fs.mkdirSync(outDir, { recursive: true });
    const result = await build({
      entryPoints: [path.join(root, 'server/functions', `${name}.ts`)],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: EXTERNAL,
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
    });
    const imported = new Set(
      Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
    );
    const dependencies = Object.fromEntries(
      EXTERNAL.filter((e) => e === 'wx-server-sdk' || imported.has(e)).map((e) => [e, versionOf(e)]),
    );
    if (imported.has('pdfkit')) {
      fs.mkdirSync(path.join(outDir, 'fonts'), { recursive: true });
      for (const [from, to] of FONTS) fs.copyFileSync(path.join(FONTS_DIR, from), path.join(outDir, 'fonts', to));
    }
    const pkg = {
      name,
      version: '1.0.0',
      description: `邻长通云函数 ${name}（由 npm run build:functions 生成）`,
      main: 'index.js',
      dependencies,
    };
    fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    const entry = (await import(path.join(root, 'server/functions', `${name}.ts`))) as { TIMER_TRIGGERS?: unknown[] };
    if (entry.TIMER_TRIGGERS) {
      fs.writeFileSync(path.join(outDir, 'config.json'), JSON.stringify({ triggers: entry.TIMER_TRIGGERS }, null, 2) + '\n');
    }
  }
  console.log(`云函数已构建：${entries.join(', ')}（${Date.now() - started} ms）`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
