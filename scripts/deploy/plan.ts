// The deploy plan: the state a CloudBase environment must be in for this code, built only
// from the code's own declarations — collections and indexes (server/store/indexes.ts), the
// functions' needs (server/deploy/functions.ts), the built bundles (cloudfunctions/) and the
// weapp build (dist/). `npm run deploy` applies it (apply.ts); `--dry-run` prints it
// (format.ts); test/unit/deploy-plan.test.ts holds it to the declarations.
import fs from 'node:fs';
import path from 'node:path';
import {
  FUNCTION_SPECS,
  MAX_CONCURRENCY_PER_INSTANCE,
  RUNTIME,
  type EnvVariable,
  type FunctionName,
  type OpenApiName,
  type TimerTrigger,
} from '../../server/deploy/functions';
import { COLLECTIONS } from '../../server/store/collections';
import { INDEXES } from '../../server/store/indexes';
import { functionEntries, ROOT } from './bundle';
import { CREDENTIALS, type Credential } from './credentials';

/** CloudBase's database permission tags; every collection is ADMINONLY (only functions read and write). */
export type DatabaseAcl = 'READONLY' | 'PRIVATE' | 'ADMINWRITE' | 'ADMINONLY' | 'CUSTOM';

export interface IndexPlan {
  name: string;
  /** CloudBase's MgoIndexKeys: field path and direction ("1" ascending, "-1" descending). */
  keys: { name: string; direction: '1' | '-1' }[];
  unique: boolean;
}

export interface CollectionPlan {
  name: string;
  acl: DatabaseAcl;
  indexes: IndexPlan[];
}

export interface StorageRule {
  read: string | boolean;
  write: string | boolean;
}

export interface StoragePlan {
  acl: 'CUSTOM';
  rule: StorageRule;
  about: string;
}

export interface FunctionPlan {
  name: FunctionName;
  /** The deployable folder (index.js, package.json, config.json). */
  dir: string;
  /** Bytes of the bundled index.js; 0 when the folder is not built. */
  bundleBytes: number;
  runtime: string;
  timeoutSeconds: number;
  memoryMB: number;
  maxConcurrency: number;
  openapi: OpenApiName[];
  env: EnvVariable[];
  triggers: TimerTrigger[];
  /** The cloud installs these from package.json (installDependency). */
  dependencies: Record<string, string>;
}

export interface MiniProgramPlan {
  /** The weapp build Taro writes, holding its own project.config.json. */
  projectPath: string;
  version: string;
  built: boolean;
}

export interface DeployPlan {
  runtime: string;
  credentials: Credential[];
  collections: CollectionPlan[];
  storage: StoragePlan;
  functions: FunctionPlan[];
  miniprogram: MiniProgramPlan;
}

/**
 * Cloud storage: each upload is its uploader's (resource.openid), and a user reads only their
 * own files — unreviewed nomination photos, 民情 photos, uploaded rosters, import reports and
 * card PDFs are read by the functions (which always may) and reach others only through them
 * (a temp URL a function grants to a caller it lets see them). `pub/…` is readable by everyone
 * and written by the functions alone: the copy a function makes of an upload once it is shown
 * to everyone (三长 portraits, shop logos, campaign covers, notice images, approved nomination
 * photos; publishFiles / readableUrls in server/domain/uploads.ts).
 */
export const STORAGE_RULE: StorageRule = {
  read: "resource.openid == auth.openid || /^pub\\//.test(resource.path) == true",
  write: "resource.openid == auth.openid && /^uploads\\//.test(resource.path) == true",
};

const direction = (d: 1 | -1): '1' | '-1' => (d === 1 ? '1' : '-1');

export function collectionPlans(): CollectionPlan[] {
  return COLLECTIONS.map((name) => ({
    name,
    acl: 'ADMINONLY' as const,
    indexes: INDEXES.filter((i) => i.collection === name).map((i) => ({
      name: i.name,
      keys: i.fields.map(([field, d]) => ({ name: field, direction: direction(d) })),
      unique: i.unique === true,
    })),
  }));
}

function readJson<T>(file: string): T | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null;
}

export function functionPlans(root = ROOT): FunctionPlan[] {
  const names = functionEntries(root);
  const undeclared = names.filter((n) => !(n in FUNCTION_SPECS));
  if (undeclared.length) throw new Error(`server/deploy/functions.ts does not declare: ${undeclared.join(', ')}`);
  return names.map((name) => {
    const spec = FUNCTION_SPECS[name as FunctionName];
    const dir = path.join(root, 'cloudfunctions', name);
    const bundle = path.join(dir, 'index.js');
    const pkg = readJson<{ dependencies?: Record<string, string> }>(path.join(dir, 'package.json'));
    return {
      name: name as FunctionName,
      dir,
      bundleBytes: fs.existsSync(bundle) ? fs.statSync(bundle).size : 0,
      runtime: RUNTIME,
      timeoutSeconds: spec.timeoutSeconds,
      memoryMB: spec.memoryMB,
      maxConcurrency: MAX_CONCURRENCY_PER_INSTANCE,
      openapi: [...spec.openapi],
      env: [...spec.env],
      triggers: [...spec.triggers],
      dependencies: pkg?.dependencies ?? {},
    };
  });
}

export function buildPlan(root = ROOT): DeployPlan {
  const pkg = readJson<{ version: string }>(path.join(root, 'package.json'));
  const projectPath = path.join(root, 'dist');
  return {
    runtime: RUNTIME,
    credentials: CREDENTIALS,
    collections: collectionPlans(),
    storage: {
      acl: 'CUSTOM',
      rule: STORAGE_RULE,
      about: '用户只能读写自己上传的文件；未审核的照片、名册、导入报告、联系卡 PDF 只有上传者和云函数能读；pub/ 下是管理员直接公开的照片（三长照片、门头照、评选封面）',
    },
    functions: functionPlans(root),
    miniprogram: {
      projectPath,
      version: process.env.LZT_VERSION || pkg?.version || '0.0.0',
      built: fs.existsSync(path.join(projectPath, 'app.json')),
    },
  };
}

/** Every function environment variable, once, with the functions that read it. */
export function envVariables(plan: DeployPlan): (EnvVariable & { functions: FunctionName[] })[] {
  const byName = new Map<string, EnvVariable & { functions: FunctionName[] }>();
  for (const fn of plan.functions) {
    for (const v of fn.env) {
      const seen = byName.get(v.name) ?? { ...v, functions: [] };
      seen.functions.push(fn.name);
      byName.set(v.name, seen);
    }
  }
  return [...byName.values()];
}
