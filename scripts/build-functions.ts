// Bundles each cloud function entry (server/functions/<name>.ts, except the registry) into
// a deployable folder cloudfunctions/<name>/ with index.js, package.json and config.json.
// wx-server-sdk, and packages that read their own data files at run time (pdfkit, exceljs),
// stay external: the cloud installs them from the generated package.json, at the versions we
// test with. Fonts a function embeds (Chinese text in PDFs) are copied beside it. config.json
// (open API permissions, timer triggers) comes from server/deploy/functions.ts; WeChat
// DevTools and `npm run deploy` both read it.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTION_SPECS, functionConfigJson, type FunctionName } from '../server/deploy/functions';
import { bundleOptions, EXTERNAL, functionEntries, ROOT } from './deploy/bundle';

const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const FONTS_DIR = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc');
const FONTS: [string, string][] = [
  ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
];
const versionOf = (name: string) =>
  name === 'wx-server-sdk' ? '~4.0.2' : (rootPkg.dependencies[name] ?? rootPkg.devDependencies[name]);

async function main() {
  const started = Date.now();
  const entries = functionEntries();
  for (const name of entries) {
    const spec = FUNCTION_SPECS[name as FunctionName];
    if (!spec) throw new Error(`server/functions/${name}.ts has no entry in server/deploy/functions.ts (FUNCTION_SPECS)`);
    const outDir = path.join(ROOT, 'cloudfunctions', name);
    fs.mkdirSync(outDir, { recursive: true });
    const result = await build(bundleOptions(name));
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
    fs.writeFileSync(path.join(outDir, 'config.json'), JSON.stringify(functionConfigJson(spec), null, 2) + '\n');
  }
  console.log(`云函数已构建：${entries.join(', ')}（${Date.now() - started} ms）`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
