// The weapp main package (everything outside subpackage roots) against its budget, as
// ../shared/tools/weapp-main-size.js counts it; the scanned card page must be independent.
import fs from 'node:fs';
import path from 'node:path';

const BUDGET_KB = 560;
const dist = path.resolve(process.argv[2] ?? 'dist');
const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
  subPackages?: { root: string; independent?: boolean }[];
  tabBar?: { custom?: boolean };
};
const subs = app.subPackages ?? [];
const roots = subs.map((s) => s.root.replace(/\/?$/, '/'));
let bytes = 0;
(function walk(dir: string) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(dist, p).split(path.sep).join('/');
    if (roots.some((r) => (rel + (e.isDirectory() ? '/' : '')).startsWith(r))) continue;
    if (e.isDirectory()) walk(p);
    else bytes += fs.statSync(p).size;
  }
})(dist);
const kb = Math.round(bytes / 1024);
const independent = subs.filter((s) => s.independent).map((s) => s.root);
console.log(`weapp main package: ${kb} KB (budget ${BUDGET_KB} KB); independent subpackages: ${independent.join(', ') || 'none'}`);
if (kb > BUDGET_KB) {
  console.error(`weapp main package is over budget by ${kb - BUDGET_KB} KB`);
  process.exit(1);
}
if (!independent.includes('scan')) {
  console.error('the scanned card page (scan/) must be an independent subpackage');
  process.exit(1);
}
// 长辈版 enlarges the weapp tab bar only if it is ours (src/custom-tab-bar), built as a component.
const tabBarJson = path.join(dist, 'custom-tab-bar', 'index.json');
const tabBarIsComponent = fs.existsSync(tabBarJson) && (JSON.parse(fs.readFileSync(tabBarJson, 'utf8')) as { component?: boolean }).component === true;
if (!app.tabBar?.custom || !tabBarIsComponent) {
  console.error('the weapp tab bar must be the custom one: app.json tabBar.custom and custom-tab-bar/index.json { component: true }');
  process.exit(1);
}
