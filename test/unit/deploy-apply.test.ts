// Applying the plan with @cloudbase/manager-node and miniprogram-ci replaced by recorders:
// what a fresh environment gets, and what an environment that already has some of it gets.
import { applyPlan, cloudFunctionConfig, type Manager, type MiniProgramCi } from '../../scripts/deploy/apply';
import { ROOT } from '../../scripts/deploy/bundle';
import { buildPlan } from '../../scripts/deploy/plan';
import { INDEXES } from '../../server/store/indexes';

type Call = [string, ...unknown[]];

function recorder(state: {
  indexes?: Record<string, { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]>;
  functions?: Record<string, { Runtime: string; Triggers?: { TriggerName: string }[] }>;
}) {
  const calls: Call[] = [];
  const rec =
    (name: string, answer: (...args: unknown[]) => unknown = () => ({})) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return answer(...args);
    };
  const manager: Manager = {
    database: {
      createCollectionIfNotExists: rec('createCollectionIfNotExists'),
      describeCollection: rec('describeCollection', (name) => ({ Indexes: state.indexes?.[name as string] ?? [] })) as Manager['database']['describeCollection'],
      updateCollection: rec('updateCollection'),
    },
    storage: { setStorageAcl: rec('setStorageAcl') },
    functions: {
      getFunctionDetail: rec('getFunctionDetail', (name) => {
        const f = state.functions?.[name as string];
        if (!f) throw Object.assign(new Error('not found'), { code: 'ResourceNotFound.Function' });
        return f;
      }) as Manager['functions']['getFunctionDetail'],
      createFunction: rec('createFunction'),
      deleteFunction: rec('deleteFunction'),
      updateFunctionCode: rec('updateFunctionCode'),
      updateFunctionConfig: rec('updateFunctionConfig'),
      deleteFunctionTrigger: rec('deleteFunctionTrigger'),
      createFunctionTriggers: rec('createFunctionTriggers'),
    },
    commonService: () => ({ call: rec('commonService.call') }),
  };
  const ci: MiniProgramCi = { upload: rec('ci.upload') };
  return { manager, ci, calls };
}

const ENV = {
  LZT_ENV_ID: 'lzt-test-1a2b',
  LZT_APPID: 'wx0123456789abcdef',
  LZT_UPLOAD_KEY: '/keys/private.key',
  LZT_PASS_SECRET: 'p'.repeat(64),
  LZT_TPL_REVIEW_RESULT: 'tpl-review',
};
const plan = buildPlan(ROOT);
const quiet = () => undefined;

it('brings a fresh environment to the plan: collections, indexes, ACLs, storage rule, functions, mini program', async () => {
  const { manager, ci, calls } = recorder({});
  await applyPlan(plan, { manager, ci }, ENV, quiet);
  const of = (name: string) => calls.filter((c) => c[0] === name);

  expect(of('createCollectionIfNotExists').map((c) => c[1])).toEqual(plan.collections.map((c) => c.name));
  const created = of('updateCollection').flatMap((c) => (c[2] as { CreateIndexes?: { IndexName: string }[] }).CreateIndexes ?? []);
  expect(created.map((i) => i.IndexName).sort()).toEqual(INDEXES.map((i) => i.name).sort());
  expect(of('commonService.call').map((c) => c[1])).toEqual(
    plan.collections.map((c) => ({ Action: 'ModifyDatabaseACL', Param: { EnvId: ENV.LZT_ENV_ID, CollectionName: c.name, AclTag: 'ADMINONLY' } })),
  );
  expect(of('setStorageAcl')).toEqual([['setStorageAcl', 'CUSTOM', plan.storage.rule]]);

  const made = of('createFunction').map((c) => (c[1] as { func: ReturnType<typeof cloudFunctionConfig> }).func);
  expect(made.map((f) => f.name)).toEqual(plan.functions.map((f) => f.name));
  const perk = made.find((f) => f.name === 'perk')!;
  expect(perk).toMatchObject({ runtime: 'Nodejs20.19', timeout: 30, instanceConcurrencyConfig: { maxConcurrency: 1 } });
  expect(perk.envVariables).toEqual({ LZT_PASS_SECRET: ENV.LZT_PASS_SECRET });
  expect(made.find((f) => f.name === 'vote')!.envVariables).toEqual({ LZT_TPL_REVIEW_RESULT: 'tpl-review' });
  expect(made.find((f) => f.name === 'maintenance')!.triggers).toEqual([{ name: 'dailyPurge', type: 'timer', config: '0 0 3 * * * *' }]);
  expect(of('deleteFunction')).toEqual([]);

  expect(of('ci.upload')).toEqual([
    ['ci.upload', expect.objectContaining({ projectPath: plan.miniprogram.projectPath, appid: ENV.LZT_APPID, privateKeyPath: ENV.LZT_UPLOAD_KEY })],
  ]);
});

it('changes only what differs in an environment that has some of it', async () => {
  const nodeIdx = INDEXES.filter((i) => i.collection === 'nodes');
  const { manager, ci, calls } = recorder({
    indexes: {
      nodes: [
        { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
        // kept: as declared
        { Name: nodeIdx[0].name, Keys: nodeIdx[0].fields.map(([n, d]) => ({ Name: n, Direction: String(d) })), Unique: false },
        // changed keys: dropped and made again
        { Name: nodeIdx[1].name, Keys: [{ Name: 'level', Direction: '1' }], Unique: false },
        // not ours: dropped
        { Name: 'old_index', Keys: [{ Name: 'x', Direction: '1' }], Unique: false },
      ],
    },
    functions: {
      maintenance: { Runtime: 'Nodejs20.19', Triggers: [{ TriggerName: 'dailyPurge' }] },
      account: { Runtime: 'Nodejs16.13' },
    },
  });
  await applyPlan(plan, { manager, ci }, ENV, quiet);
  const nodes = calls.filter((c) => c[0] === 'updateCollection' && c[1] === 'nodes').map((c) => c[2]);
  expect(nodes).toEqual([
    { DropIndexes: [{ IndexName: nodeIdx[1].name }, { IndexName: 'old_index' }] },
    { CreateIndexes: nodeIdx.slice(1).map((i) => expect.objectContaining({ IndexName: i.name })) },
  ]);

  // maintenance exists on the right runtime: updated in place, its trigger replaced.
  expect(calls.filter((c) => c[1] === 'maintenance' || (c[1] as { func?: { name: string } })?.func?.name === 'maintenance').map((c) => c[0])).toEqual([
    'getFunctionDetail',
    'updateFunctionCode',
    'deleteFunctionTrigger',
    'createFunctionTriggers',
  ]);
  expect(calls.find((c) => c[0] === 'updateFunctionConfig' && (c[1] as { name: string }).name === 'maintenance')![1]).toMatchObject({ timeout: 60, triggers: [] });
  // account was made on another runtime: a runtime is fixed at creation, so it is replaced.
  expect(calls.filter((c) => c[0] === 'deleteFunction')).toEqual([['deleteFunction', 'account']]);
  expect(calls.some((c) => c[0] === 'createFunction' && (c[1] as { func: { name: string } }).func.name === 'account')).toBe(true);
});
