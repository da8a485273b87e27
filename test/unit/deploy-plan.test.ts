// The deploy plan holds to the code's declarations: every collection with its indexes and
// ADMINONLY, every function entry with its runtime, timeout, open APIs, variables and
// triggers, the generated config.json files, the storage rule; and a deployment without its
// variables names every one missing.
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTION_DEFS } from '../../server/functions/registry';
import { FUNCTION_SPECS, functionConfigJson, OPEN_APIS, requiredEnv, RUNTIME, type FunctionName } from '../../server/deploy/functions';
import { COLLECTIONS } from '../../server/store/collections';
import { INDEXES } from '../../server/store/indexes';
import { functionEntries, ROOT } from '../../scripts/deploy/bundle';
import { CREDENTIALS, missingVariables } from '../../scripts/deploy/credentials';
import { formatPlan } from '../../scripts/deploy/format';
import { buildPlan, STORAGE_RULE } from '../../scripts/deploy/plan';
import { publishedPath } from '../../server/domain/uploads';

const plan = buildPlan(ROOT);

describe('deploy plan: database', () => {
  it('has every collection once, each ADMINONLY', () => {
    expect(plan.collections.map((c) => c.name)).toEqual([...COLLECTIONS]);
    for (const c of plan.collections) expect(c.acl).toBe('ADMINONLY');
  });

  it('has every index in its collection, with its fields in order, directions and uniqueness', () => {
    const planned = plan.collections.flatMap((c) => c.indexes.map((i) => ({ collection: c.name, ...i })));
    expect(planned).toHaveLength(INDEXES.length);
    for (const idx of INDEXES) {
      const p = planned.find((i) => i.collection === idx.collection && i.name === idx.name);
      expect(p).toBeDefined();
      expect(p!.keys).toEqual(idx.fields.map(([name, d]) => ({ name, direction: d === 1 ? '1' : '-1' })));
      expect(p!.unique).toBe(idx.unique === true);
    }
  });
});

describe('deploy plan: functions', () => {
  it('has one function per entry, and every routed function has an entry', () => {
    const entries = functionEntries(ROOT);
    expect(plan.functions.map((f) => f.name)).toEqual(entries);
    expect(Object.keys(FUNCTION_SPECS).sort()).toEqual(entries);
    for (const name of Object.keys(FUNCTION_DEFS)) expect(entries).toContain(name);
  });

  it('names the runtime of the Node line the tests run on, and keeps each timeout within the platform', () => {
    expect(RUNTIME).toMatch(/^Nodejs\d+\.\d+$/);
    expect(RUNTIME.slice('Nodejs'.length).split('.')[0]).toBe(process.versions.node.split('.')[0]);
    for (const f of plan.functions) {
      const spec = FUNCTION_SPECS[f.name];
      expect(f.runtime).toBe(RUNTIME);
      expect(f.timeoutSeconds).toBe(spec.timeoutSeconds);
      expect(f.timeoutSeconds).toBeGreaterThan(3); // never the 3 s default
      expect(f.timeoutSeconds).toBeLessThanOrEqual(60);
      expect(f.memoryMB).toBe(spec.memoryMB);
      expect(f.maxConcurrency).toBe(1);
      expect(f.openapi).toEqual(spec.openapi);
      for (const api of f.openapi) expect(OPEN_APIS).toContain(api);
      expect(f.env.map((v) => v.name)).toEqual(spec.env.map((v) => v.name));
      expect(f.triggers).toEqual(spec.triggers);
    }
    expect(plan.functions.find((f) => f.name === 'maintenance')!.triggers).toEqual([
      { name: 'dailyPurge', type: 'timer', config: '0 0 3 * * * *' },
    ]);
  });

  it('matches each committed cloudfunctions/<name>/config.json (written by the build)', () => {
    for (const name of functionEntries(ROOT)) {
      const file = path.join(ROOT, 'cloudfunctions', name, 'config.json');
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(functionConfigJson(FUNCTION_SPECS[name as FunctionName]));
    }
  });
});

describe('deploy plan: storage', () => {
  it('lets a user read only their own uploads (and pub/), and write only their own, into uploads/ only', () => {
    expect(plan.storage.acl).toBe('CUSTOM');
    expect(plan.storage.rule).toEqual(STORAGE_RULE);
    expect(STORAGE_RULE.read).toBe("resource.openid == auth.openid || /^pub\\//.test(resource.path) == true");
    // pub/ is written by the functions alone (publishFiles): nobody hosts a file of their own there.
    expect(STORAGE_RULE.write).toBe("resource.openid == auth.openid && /^uploads\\//.test(resource.path) == true");
  });

  it('has every upload made under uploads/ (the server names the path) and published by a function copying it into pub/', () => {
    const src = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
    expect(src('server/domain/uploads.ts')).toContain('const path = `uploads/${kind}/${token()}.${ext}`;');
    expect(src('src/api/upload.ts')).toContain('Taro.cloud.uploadFile({ cloudPath: ticket.data.cloudPath, filePath })');
    expect(src('src/api/files.ts')).toContain("uploadWeappFile('sheet'");
    expect(publishedPath('uploads/photo/0123.png')).toBe('pub/photo/0123.png');
    expect(publishedPath('reports/x/y.xlsx')).toBeNull();
  });
});

describe('deploy variables', () => {
  const required = requiredEnv();
  const all: Record<string, string> = {
    LZT_ENV_ID: 'lzt-prod-1a2b',
    TENCENTCLOUD_SECRETID: 'AKIDxxxx',
    TENCENTCLOUD_SECRETKEY: 'secret',
    LZT_APPID: 'wx0123456789abcdef',
    LZT_UPLOAD_KEY: '/keys/private.key',
    LZT_PASS_SECRET: 'x'.repeat(64),
    LZT_TPL_REVIEW_RESULT: 'tpl-review',
    LZT_TPL_PROBLEM_PROGRESS: 'tpl-progress',
  };
  const exists = (f: string) => f === '/keys/private.key';

  it('names every missing variable at once', () => {
    const missing = missingVariables({}, required, exists).map((m) => m.name);
    expect(missing).toEqual([...CREDENTIALS.map((c) => c.name), ...required.map((v) => v.name)]);
    expect(missing).toEqual(expect.arrayContaining(['LZT_PASS_SECRET', 'LZT_TPL_REVIEW_RESULT']));
    expect(missing).not.toContain('LZT_IMPORT_STEPS_PER_CALL'); // optional
  });

  it('passes with all set, and refuses a short pass key or an upload key file that is not there', () => {
    expect(missingVariables(all, required, exists)).toEqual([]);
    expect(missingVariables({ ...all, LZT_PASS_SECRET: 'short' }, required, exists).map((m) => m.name)).toEqual(['LZT_PASS_SECRET']);
    expect(missingVariables({ ...all, LZT_UPLOAD_KEY: '/nope.key' }, required, exists).map((m) => m.name)).toEqual(['LZT_UPLOAD_KEY']);
    expect(missingVariables({ ...all, LZT_APPID: '  ' }, required, exists).map((m) => m.name)).toEqual(['LZT_APPID']);
  });
});

describe('the printed plan', () => {
  it('shows every collection, index, function, open API, trigger and variable', () => {
    const text = formatPlan(plan);
    for (const c of COLLECTIONS) expect(text).toContain(`  ${c}  [ADMINONLY]`);
    for (const i of INDEXES) expect(text).toContain(`索引 ${i.name}`);
    for (const f of plan.functions) {
      expect(text).toContain(`  ${f.name}: 代码 `);
      expect(text).toContain(`超时 ${f.timeoutSeconds} 秒`);
      for (const api of f.openapi) expect(text).toContain(api);
      for (const t of f.triggers) expect(text).toContain(`定时触发器 ${t.name}: ${t.config}`);
    }
    for (const c of CREDENTIALS) expect(text).toContain(c.name);
    for (const v of requiredEnv()) expect(text).toContain(v.name);
    expect(text).toContain(String(STORAGE_RULE.read));
  });
});
