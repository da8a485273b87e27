// The plan as a person reads it (`npm run deploy -- --dry-run` prints this).
import path from 'node:path';
import { ROOT } from './bundle';
import { envVariables, type DeployPlan } from './plan';

const kb = (bytes: number) => (bytes ? `${(bytes / 1024).toFixed(1)} KB` : '未构建');
const dir = (d: 1 | -1 | '1' | '-1') => (String(d) === '1' ? '升序' : '降序');

export function formatPlan(plan: DeployPlan): string {
  const out: string[] = [];
  out.push(`云函数运行时：${plan.runtime}（单实例多并发关闭：每个实例同时只处理一次调用）`);
  out.push('', `数据库集合（${plan.collections.length} 个，权限均为仅管理端可读写）：`);
  for (const c of plan.collections) {
    out.push(`  ${c.name}  [${c.acl}]`);
    for (const i of c.indexes) {
      out.push(`    索引 ${i.name}${i.unique ? '（唯一）' : ''}: ${i.keys.map((k) => `${k.name} ${dir(k.direction)}`).join(', ')}`);
    }
  }
  out.push('', '云存储安全规则（自定义）：');
  out.push(`  read:  ${String(plan.storage.rule.read)}`);
  out.push(`  write: ${String(plan.storage.rule.write)}`);
  out.push(`  ${plan.storage.about}`);
  out.push('', `云函数（${plan.functions.length} 个）：`);
  for (const f of plan.functions) {
    out.push(
      `  ${f.name}: 代码 ${kb(f.bundleBytes)}，${f.runtime}，超时 ${f.timeoutSeconds} 秒，内存 ${f.memoryMB} MB，每实例并发 ${f.maxConcurrency}`,
    );
    out.push(`    云调用权限：${f.openapi.length ? f.openapi.join(', ') : '无'}`);
    out.push(`    依赖（云端安装）：${Object.entries(f.dependencies).map(([n, v]) => `${n}@${v}`).join(', ') || '无'}`);
    if (f.env.length) out.push(`    环境变量：${f.env.map((v) => `${v.name}${v.required ? '' : '（可选）'}`).join(', ')}`);
    for (const t of f.triggers) out.push(`    定时触发器 ${t.name}: ${t.config}`);
  }
  out.push('', `小程序：${path.relative(ROOT, plan.miniprogram.projectPath)}/ 版本 ${plan.miniprogram.version}${plan.miniprogram.built ? '' : '（未构建）'}`);
  out.push('', '部署需要的环境变量：');
  for (const c of plan.credentials) out.push(`  ${c.name}  ${c.about}`);
  for (const v of envVariables(plan)) {
    out.push(`  ${v.name}${v.required ? '' : '（可选）'}  ${v.about}（云函数 ${v.functions.join(', ')}）`);
  }
  return out.join('\n');
}
