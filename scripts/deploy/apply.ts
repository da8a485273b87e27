// Applies a deploy plan to a CloudBase environment with @cloudbase/manager-node (collections,
// indexes, database ACLs, storage rule, functions with their config and triggers) and uploads
// the mini program with miniprogram-ci. Each step reads the environment's state first and
// changes only what differs, so running it again is safe. The tools come in through the
// narrow interfaces below (the real packages fit them: see main.ts), so a test can watch
// every call without a network.
import path from 'node:path';
import type { DeployPlan, FunctionPlan, IndexPlan } from './plan';

/** The parts of @cloudbase/manager-node's CloudBase this uses (names and shapes as in its 5.6 typings). */
export interface Manager {
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: { Name: string; Keys?: { Name?: string; Direction?: string }[]; Unique?: boolean }[] }>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[];
        DropIndexes?: { IndexName: string }[];
      },
    ): Promise<unknown>;
  };
  storage: {
    setStorageAcl(acl: 'CUSTOM', rule: { read: boolean | string; write: boolean | string }): Promise<unknown>;
  };
  functions: {
    getFunctionDetail(name: string): Promise<{ Runtime: string; Triggers?: { TriggerName?: string; Name?: string }[] }>;
    createFunction(p: { func: CloudFunctionConfig; functionRootPath: string; force?: boolean }): Promise<unknown>;
    deleteFunction(name: string): Promise<unknown>;
    updateFunctionCode(p: { func: CloudFunctionConfig; functionRootPath: string }): Promise<unknown>;
    updateFunctionConfig(func: CloudFunctionConfig): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]): Promise<unknown>;
  };
  /** CloudBase's API gateway for the calls without a method of their own (ModifyDatabaseACL). */
  commonService(service?: string, version?: string): { call(o: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

/** What manager-node's ICloudFunction takes for one of our functions. */
export interface CloudFunctionConfig {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: { name: string; type: string; config: string }[];
  instanceConcurrencyConfig: { dynamicEnabled: boolean; maxConcurrency: number };
  ignore: string[];
}

/** The miniprogram-ci calls this uses. */
export interface MiniProgramCi {
  upload(p: { projectPath: string; appid: string; privateKeyPath: string; version: string; desc: string }): Promise<unknown>;
}

export type Log = (line: string) => void;

const sameIndex = (want: IndexPlan, have: { Keys?: { Name?: string; Direction?: string }[]; Unique?: boolean }) =>
  JSON.stringify(want.keys.map((k) => [k.name, k.direction])) ===
    JSON.stringify((have.Keys ?? []).map((k) => [k.Name, String(k.Direction)])) && want.unique === (have.Unique === true);

async function applyCollections(plan: DeployPlan, m: Manager, envId: string, log: Log): Promise<void> {
  const gateway = m.commonService();
  for (const c of plan.collections) {
    await m.database.createCollectionIfNotExists(c.name);
    const have = (await m.database.describeCollection(c.name)).Indexes ?? [];
    // An index of ours whose keys changed is dropped and made again; indexes we do not declare
    // (other than _id) are dropped: each costs every write.
    const drop = have.filter((h) => h.Name !== '_id_' && !c.indexes.some((w) => w.name === h.Name && sameIndex(w, h)));
    const create = c.indexes.filter((w) => !have.some((h) => h.Name === w.name && sameIndex(w, h)));
    if (drop.length) await m.database.updateCollection(c.name, { DropIndexes: drop.map((h) => ({ IndexName: h.Name })) });
    if (create.length) {
      await m.database.updateCollection(c.name, {
        CreateIndexes: create.map((w) => ({
          IndexName: w.name,
          MgoKeySchema: { MgoIndexKeys: w.keys.map((k) => ({ Name: k.name, Direction: k.direction })), MgoIsUnique: w.unique },
        })),
      });
    }
    await gateway.call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: c.name, AclTag: c.acl } });
    log(`集合 ${c.name}：索引 +${create.length} −${drop.length}，权限 ${c.acl}`);
  }
}

export function cloudFunctionConfig(f: FunctionPlan, env: Record<string, string | undefined>): CloudFunctionConfig {
  const envVariables: Record<string, string> = {};
  for (const v of f.env) {
    const value = env[v.name]?.trim();
    if (value) envVariables[v.name] = value;
  }
  return {
    name: f.name,
    handler: 'index.main',
    runtime: f.runtime,
    timeout: f.timeoutSeconds,
    memorySize: f.memoryMB,
    installDependency: true,
    envVariables,
    triggers: f.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
    instanceConcurrencyConfig: { dynamicEnabled: false, maxConcurrency: f.maxConcurrency },
    ignore: ['node_modules', 'node_modules/**/*'],
  };
}

const notFound = (e: unknown) => /ResourceNotFound/.test(String((e as { code?: unknown })?.code ?? (e as Error)?.message ?? e));

async function applyFunction(f: FunctionPlan, m: Manager, env: Record<string, string | undefined>, log: Log): Promise<void> {
  const func = cloudFunctionConfig(f, env);
  // The folder holds config.json (permissions.openapi) beside index.js: the open API permissions
  // travel in the code package, as WeChat DevTools uploads them.
  const functionRootPath = path.dirname(f.dir);
  let existing: Awaited<ReturnType<Manager['functions']['getFunctionDetail']>> | null = null;
  try {
    existing = await m.functions.getFunctionDetail(f.name);
  } catch (e) {
    if (!notFound(e)) throw e;
  }
  if (existing && existing.Runtime !== f.runtime) {
    // A runtime is fixed when a function is created: one made with another runtime is replaced.
    log(`云函数 ${f.name}：运行时 ${existing.Runtime} → ${f.runtime}，删除后重建`);
    await m.functions.deleteFunction(f.name);
    existing = null;
  }
  if (!existing) {
    await m.functions.createFunction({ func, functionRootPath, force: false });
    log(`云函数 ${f.name}：已创建`);
    return;
  }
  await m.functions.updateFunctionCode({ func, functionRootPath });
  // updateFunctionConfig would create the triggers itself but only warns when that fails:
  // triggers are replaced here instead, where a failure stops the deploy.
  await m.functions.updateFunctionConfig({ ...func, triggers: [] });
  for (const t of existing.Triggers ?? []) {
    const name = t.TriggerName ?? t.Name;
    if (name) await m.functions.deleteFunctionTrigger(f.name, name);
  }
  if (func.triggers.length) await m.functions.createFunctionTriggers(f.name, func.triggers);
  log(`云函数 ${f.name}：代码与配置已更新，触发器 ${func.triggers.length} 个`);
}

export async function applyPlan(
  plan: DeployPlan,
  tools: { manager: Manager; ci: MiniProgramCi },
  env: Record<string, string | undefined>,
  log: Log = console.log,
): Promise<void> {
  const envId = env.LZT_ENV_ID as string;
  await applyCollections(plan, tools.manager, envId, log);
  await tools.manager.storage.setStorageAcl(plan.storage.acl, plan.storage.rule);
  log('云存储：安全规则已设置');
  for (const f of plan.functions) await applyFunction(f, tools.manager, env, log);
  await tools.ci.upload({
    projectPath: plan.miniprogram.projectPath,
    appid: env.LZT_APPID as string,
    privateKeyPath: env.LZT_UPLOAD_KEY as string,
    version: plan.miniprogram.version,
    desc: `邻长通 ${plan.miniprogram.version}（npm run deploy，环境 ${envId}）`,
  });
  log(`小程序 ${plan.miniprogram.version} 已上传，请到小程序后台设为体验版或提交审核`);
}
