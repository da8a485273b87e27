// How one cloud function is bundled: the same options for the build (scripts/build-functions.ts)
// and for the scan of what its code calls (scripts/deploy/scan.ts).
import type { BuildOptions } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * Left out of the bundle and installed by the cloud from the function's package.json:
 * wx-server-sdk, and packages that read their own data files at run time (pdfkit, exceljs).
 */
export const EXTERNAL = ['wx-server-sdk', 'pdfkit', 'exceljs'];

/** Each server/functions/<name>.ts except the registry is one cloud function. */
export function functionEntries(root = ROOT): string[] {
  return fs
    .readdirSync(path.join(root, 'server/functions'))
    .filter((f) => f.endsWith('.ts') && f !== 'registry.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

export function bundleOptions(name: string, root = ROOT): BuildOptions & { metafile: true } {
  return {
    entryPoints: [path.join(root, 'server/functions', `${name}.ts`)],
    outfile: path.join(root, 'cloudfunctions', name, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20', // RUNTIME in server/deploy/functions.ts,
    format: 'cjs',
    external: EXTERNAL,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}
