// The roster import's plan on its own, without a store: rows checked one by one, placed in
// their 社区, taken or refused against the file so far and the stored tree, and diffed.
import type { RoleGrantT } from '../../contracts/common';
import type { NodeDoc } from '../../server/domain/docs';
import { parseRow, parseRows, type RawRow } from '../../server/features/roster/import-parse';
import { acceptRows, communitiesByName, diffRows, leadLookups, locateRows, type Outcome } from '../../server/features/roster/import-plan';
import { communityState, type CommunityState, type NodeRow, type Place, type StoredLead } from '../../server/features/roster/import-tree';

const stats = { households: 0, bound: 0, visited: 0 };
const community: NodeDoc = {
  _id: 'c1',
  level: 'community',
  name: '东湖社区',
  parentId: 's1',
  at: { district: 'd1', street: 's1', community: 'c1' },
  order: 1,
  stats,
};
const place: Place = { community, streetName: '东街' };
const scope: RoleGrantT = { role: 'admin', level: 'community', nodeId: 'c1', nodeName: '东湖社区' };

const lead = (id: string, name: string, phone: string) => ({ id, name, phone, since: 1, activeAt: 1 });
/** The stored tree: 一片 → 一组 → 1栋邻 (邻长 王五), with 片长 张三 and 组长 李四. */
const stored = (): NodeRow[] => [
  {
    _id: 'a1',
    level: 'area',
    name: '一片',
    parentId: 'c1',
    at: { ...community.at, area: 'a1' },
    order: 1,
    lead: lead('la', '张三', '13800000001'),
  },
  {
    _id: 'g1',
    level: 'group',
    name: '一组',
    parentId: 'a1',
    at: { ...community.at, area: 'a1', group: 'g1' },
    order: 1,
    lead: lead('lg', '李四', '13800000002'),
  },
  {
    _id: 'u1',
    level: 'unit',
    name: '1栋邻',
    parentId: 'g1',
    at: { ...community.at, area: 'a1', group: 'g1', unit: 'u1' },
    order: 1,
    lead: lead('lu', '王五', '13800000003'),
    buildings: ['1栋'],
  },
];

/** Sheet rows from 2 (row 1 is the header), counted anew in each test. */
let n = 1;
beforeEach(() => {
  n = 1;
});
function raw(fields: Partial<RawRow>): RawRow {
  const blank = {
    street: '',
    community: '东湖社区',
    area: '一片',
    group: '一组',
    unit: '1栋邻',
    areaLeadName: '',
    areaLeadPhone: '',
    groupLeadName: '',
    groupLeadPhone: '',
  };
  return { row: ++n, ...blank, unitLeadName: '王五', unitLeadPhone: '13800000003', buildings: '', ...fields };
}

/** Runs the plan's pure steps over rows, with the stored tree and stored 三长 given. */
async function plan(rows: RawRow[], tree = stored(), leads = new Map<string, StoredLead[]>()) {
  const outcomes = new Map<number, Outcome>();
  const reject = (r: RawRow, reason: string) => outcomes.set(r.row, { row: r.row, status: 'rejected', raw: r, reason });
  const parsed = await parseRows(rows, reject);
  const located = await locateRows(parsed, communitiesByName([place]), new Set(['西湖社区']), scope, reject);
  const states = new Map<string, CommunityState>([['c1', communityState(place, tree)]]);
  const { phones, fileTargets } = await leadLookups(located, states);
  const { accepted, mentioned } = await acceptRows(located, states, leads, fileTargets, reject);
  const changes = await diffRows(states, accepted);
  for (const o of changes.outcomes) outcomes.set(o.row, o);
  return { outcomes: [...outcomes.values()].sort((a, b) => a.row - b.row), phones, changes, mentioned, states };
}

describe('roster import plan', () => {
  it('cleans a row on its own: spaces in names, +86 and dashes in phones, buildings split', () => {
    const { parsed, reasons } = parseRow(
      raw({ unit: '3栋 1单元邻', unitLeadName: '王 五', unitLeadPhone: '+86 138-0000-0003', buildings: '3栋、3栋,4栋' }),
    );
    expect(reasons).toEqual([]);
    expect(parsed).toMatchObject({ unit: '3栋1单元邻', unitLead: { name: '王五', phone: '13800000003' }, buildings: ['3栋', '4栋'] });
    expect(parseRow(raw({ unitLeadPhone: '12345' })).reasons).toEqual(['邻长电话“12345”不是11位手机号']);
  });

  it('a file that says what is stored changes nothing', async () => {
    const { outcomes, changes } = await plan([raw({ buildings: '1栋' })]);
    expect(outcomes.map((o) => o.status)).toEqual(['unchanged']);
    expect(changes.unitPlans).toEqual([]);
  });

  it('plans a new 片/组/邻 under the stored 社区, and lists a changed 邻长 and buildings', async () => {
    const { outcomes, changes, states } = await plan([
      raw({ area: '二片', group: '五组', unit: '9栋邻', unitLeadName: '赵六', unitLeadPhone: '13800000009' }),
      raw({ unitLeadName: '孙七', unitLeadPhone: '13800000007', buildings: '1栋、2栋' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'changed']);
    expect(outcomes[1].reason).toBe('楼栋单元：1栋 → 1栋、2栋；邻长更换：王五 → 孙七');
    expect(changes.unitPlans).toHaveLength(1);
    const c = states.get('c1') as CommunityState;
    const newArea = c.areas.get('二片');
    expect(newArea).toMatchObject({ node: null, order: 2 });
    expect(newArea?.at).toEqual({ ...community.at, area: newArea?.id });
  });

  it('refuses a 社区 outside the scope, a repeated 邻, and one phone for two people; the first row wins', async () => {
    const { outcomes } = await plan([
      raw({ community: '西湖社区' }),
      raw({ community: '南湖社区' }),
      raw({}),
      raw({}),
      raw({ unit: '2栋邻', unitLeadName: '钱八', unitLeadPhone: '13800000003' }),
    ]);
    expect(outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['rejected', '社区“西湖社区”不在您的管理范围内（东湖社区）'],
      ['rejected', '系统中没有“南湖社区”这个社区，请核对名称'],
      ['unchanged', undefined],
      ['rejected', '邻“1栋邻”重复：第4行已填写过这个邻'],
      ['rejected', '邻长电话13800000003与第4行邻长王五的相同，同一手机号不能属于不同的人'],
    ]);
  });

  it('looks up only phones new to their node, and refuses one the store gives to someone else', async () => {
    const rows = [raw({ unit: '2栋邻', unitLeadName: '钱八', unitLeadPhone: '13800000008' })];
    expect((await plan(rows)).phones).toEqual(['13800000008']);
    const leads = new Map<string, StoredLead[]>([['13800000008', [{ name: '周九', nodeId: 'g1', role: 'groupLead' }]]]);
    const { outcomes } = await plan(rows, stored(), leads);
    expect(outcomes[0].reason).toBe('邻长电话13800000008已登记为周九（一组组长），同一手机号不能属于不同的人');
  });

  it('a stored 邻 the file does not name is not mentioned (the report lists it)', async () => {
    const { mentioned } = await plan([raw({ unit: '2栋邻', unitLeadName: '钱八', unitLeadPhone: '13800000008' })]);
    expect(mentioned.size).toBe(0);
  });
});
