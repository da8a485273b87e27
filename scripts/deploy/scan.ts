// What a cloud function's bundled code calls on the platform: the open APIs (through the
// ports, or `cloud.openapi` directly) and the environment variables it reads. The deploy
// plan and test/unit/deploy-openapi.test.ts compare this with server/deploy/functions.ts.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenApiName } from '../../server/deploy/functions';
import { bundleOptions, ROOT } from './bundle';

/** The ports' adapters: they define every call, so they are not evidence of any one function's calls. */
export const PORT_ADAPTERS = ['server/runtime/cloud-ports.ts', 'server/runtime/local-ports.ts'];

/** A port method → the open API its cloud adapter calls (server/runtime/cloud-ports.ts). */
export const PORT_OPEN_APIS: { call: RegExp; api: OpenApiName }[] = [
  { call: /\bchecker\.checkText\(/, api: 'security.msgSecCheck' },
  { call: /\bnotifier\.send\(/, api: 'subscribeMessage.send' },
  { call: /\bqr\.make\(/, api: 'wxacode.getUnlimited' },
  { call: /\bphones\.numberOf\(/, api: 'phonenumber.getPhoneNumber' },
];
/** A port method → the environment variable its cloud adapter reads. */
export const PORT_ENV: { call: RegExp; env: string }[] = [{ call: /\bsecrets\.passKey\(/, env: 'LZT_PASS_SECRET' }];

/** A call (`cloud.openapi.wxacode.get(`), not a mention in a comment or a file name (`deploy-openapi.test.ts`). */
const DIRECT_OPEN_API = /\bopenapi\s*\.\s*([A-Za-z]+)\s*\.\s*([A-Za-z]+)\s*\(/g;
const ENV_READ = /\bprocess\.env\.(LZT_[A-Z0-9_]+)|\bprocess\.env\[\s*['"](LZT_[A-Z0-9_]+)['"]\s*\]/g;

/** Comments mention calls without making them (a usage example, a test's file name). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export interface FunctionUsage {
  name: string;
  /** Our own source files in the bundle (relative to the root). */
  sources: string[];
  openapi: string[];
  env: string[];
  /** Where each finding came from: `api ← file`. */
  evidence: string[];
}

/** Scans source texts (path → text) the way a function's bundle is scanned. */
export function usageOf(name: string, files: Record<string, string>): FunctionUsage {
  const openapi = new Set<string>();
  const env = new Set<string>();
  const evidence: string[] = [];
  const sources = Object.keys(files).sort();
  for (const file of sources) {
    if (PORT_ADAPTERS.includes(file)) continue;
    const text = withoutComments(files[file]);
    const found = (what: string, set: Set<string>) => {
      set.add(what);
      evidence.push(`${what} ← ${file}`);
    };
    for (const { call, api } of PORT_OPEN_APIS) if (call.test(text)) found(api, openapi);
    for (const { call, env: name } of PORT_ENV) if (call.test(text)) found(name, env);
    for (const m of text.matchAll(DIRECT_OPEN_API)) found(`${m[1]}.${m[2]}`, openapi);
    for (const m of text.matchAll(ENV_READ)) found(m[1] ?? m[2], env);
  }
  return { name, sources, openapi: [...openapi].sort(), env: [...env].sort(), evidence };
}

/** Bundles the function in memory (nothing written) and scans the project files it takes in. */
export async function scanFunction(name: string, root = ROOT): Promise<FunctionUsage> {
  const result = await build({ ...bundleOptions(name, root), write: false, logLevel: 'silent' });
  const files: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes('node_modules')) continue;
    const rel = path.relative(root, path.resolve(process.cwd(), input)).split(path.sep).join('/');
    files[rel] = fs.readFileSync(path.join(root, rel), 'utf8');
  }
  return usageOf(name, files);
}
