// `npm run deploy`: brings a CloudBase environment to the state the code declares, then
// uploads the mini program. `npm run deploy -- --dry-run` needs no network and no
// credentials: it builds everything, checks each function's declared open APIs and
// variables against its code, and prints the plan.
//
// Without --dry-run it first checks every variable it needs (scripts/deploy/credentials.ts
// and each function's required variables) and stops at once, naming each one missing.
import { spawnSync } from 'node:child_process';
import { requiredEnv } from '../../server/deploy/functions';
import { applyPlan, type Manager, type MiniProgramCi } from './apply';
import { ROOT } from './bundle';
import { missingVariables } from './credentials';
import { formatPlan } from './format';
import { buildPlan, envVariables, type DeployPlan } from './plan';
import { scanFunction } from './scan';

function run(command: string, args: string[]): void {
  const res = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（退出码 ${res.status}）`);
}

/** Every function's open APIs and variables must be exactly what its bundled code uses. */
async function driftOf(plan: DeployPlan): Promise<string[]> {
  const problems: string[] = [];
  for (const f of plan.functions) {
    const used = await scanFunction(f.name, ROOT);
    const declaredApis = [...f.openapi].sort();
    const declaredEnv = f.env.map((v) => v.name).sort();
    if (JSON.stringify(used.openapi) !== JSON.stringify(declaredApis)) {
      problems.push(`${f.name}: 代码调用 [${used.openapi.join(', ')}]，声明 [${declaredApis.join(', ')}]`);
    }
    if (JSON.stringify(used.env) !== JSON.stringify(declaredEnv)) {
      problems.push(`${f.name}: 代码读取环境变量 [${used.env.join(', ')}]，声明 [${declaredEnv.join(', ')}]`);
    }
  }
  return problems;
}

function realTools(env: Record<string, string | undefined>): { manager: Manager; ci: MiniProgramCi } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const CloudBase = require('@cloudbase/manager-node') as typeof import('@cloudbase/manager-node');
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const manager: Manager = new CloudBase({
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    envId: env.LZT_ENV_ID,
  });
  return {
    manager,
    ci: {
      async upload({ projectPath, appid, privateKeyPath, version, desc }) {
        const project = new ci.Project({ appid, type: 'miniProgram', projectPath, privateKeyPath, ignores: ['node_modules/**/*'] });
        return ci.upload({ project, version, desc, robot: 1, setting: { es6: false, minifyJS: true, minifyWXML: true, minifyWXSS: true } });
      },
    },
  };
}

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const env = process.env;
  if (!dryRun) {
    const missing = missingVariables(env, requiredEnv());
    if (missing.length) {
      console.error('无法部署，缺少以下环境变量：');
      for (const m of missing) console.error(`  ${m.name}  ${m.why}`);
      console.error('（只想看部署计划：npm run deploy -- --dry-run）');
      return 1;
    }
  }
  run('npm', ['run', 'build:weapp']);
  const plan = buildPlan(ROOT);
  const unbuilt = plan.functions.filter((f) => f.bundleBytes === 0).map((f) => f.name);
  if (unbuilt.length || !plan.miniprogram.built) {
    console.error(`构建不完整：${[...unbuilt, ...(plan.miniprogram.built ? [] : ['dist/app.json'])].join(', ')}`);
    return 1;
  }
  const drift = await driftOf(plan);
  if (drift.length) {
    console.error('云函数声明（server/deploy/functions.ts）与代码不一致：');
    for (const d of drift) console.error(`  ${d}`);
    return 1;
  }
  console.log(`\n${formatPlan(plan)}\n`);
  if (dryRun) {
    console.log(`演练完成（--dry-run）：未连接任何环境。环境变量 ${envVariables(plan).length} 个，云函数 ${plan.functions.length} 个。`);
    return 0;
  }
  await applyPlan(plan, realTools(env), env);
  console.log(`部署完成：环境 ${env.LZT_ENV_ID}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
