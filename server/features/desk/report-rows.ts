// The sections of a 月调度/季总结/半年通报 report, as titled tables of the dashboard's own
// figures (desk.summary): the .xlsx writes one sheet per section, the PDF one table each.
import { LEAD_TITLE_LABELS } from '../../../contracts/labels';
import { LEVEL_LABELS, type Level } from '../../../contracts/roles';
import type { SummaryT } from '../../../contracts/desk';
import { shortMonth } from './period';

export type Cell = string | number;
export interface Section {
  /** The sheet's name (≤ 31 characters, no []:*?/\). */
  name: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

export const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

export function reportSections(s: SummaryT): Section[] {
  const p = s.problems;
  const childLabel = s.children[0] ? (LEVEL_LABELS[s.children[0].level as Level] ?? '下级') : '下级';
  const seats = (['area', 'group', 'unit'] as const).flatMap((l) => {
    const x = s.leads[l];
    return x ? [[LEAD_TITLE_LABELS[l] ?? LEVEL_LABELS[l], x.seats, x.filled, x.vacant, x.away] as Cell[]] : [];
  });
  return [
    {
      name: '民情办理',
      title: `民情办理（${s.period.title}；超时、办理中为导出时）`,
      header: ['项目', '数值'],
      rows: [
        ['收到反映', p.received],
        ['已受理', p.accepted],
        ['按时受理', p.acceptedInTime],
        ['已办结', p.resolved],
        ['按期办结', p.resolvedInTime],
        ['已评价', p.rated],
        ['满意', p.satisfied],
        ['响应率', pct(p.responseRate)],
        ['按期办结率', pct(p.onTimeRate)],
        ['满意率', pct(p.satisfactionRate)],
        ['平均办结时长（小时）', p.avgResolveHours ?? '—'],
        ['当前办理中', p.open],
        ['当前超时', p.overdue],
      ],
    },
    {
      name: '分类与类别',
      title: '按分类、按类别的办理与满意率',
      header: ['分组', '名称', '收到', '办结', '评价', '满意', '满意率'],
      rows: [
        ...s.byClass.map((b) => ['分类', b.label, '—', b.resolved, b.rated, b.satisfied, pct(b.satisfactionRate)]),
        ...s.byCategory.map((b) => ['类别', b.label, b.received, b.resolved, b.rated, b.satisfied, pct(b.satisfactionRate)]),
      ],
    },
    {
      name: '覆盖与走访',
      title: '住户覆盖与“五个一”走访',
      header: ['项目', '数值'],
      rows: [
        ['居民信息账户数', s.coverage.households],
        ['已绑定户数', s.coverage.bound],
        ['覆盖率', pct(s.coverage.coverageRate)],
        ['累计走访户数', s.coverage.visited],
        ['本期走访次数', s.visits.visits],
        ['本期“五个一”完成次数', s.visits.complete],
      ],
    },
    { name: '三长', title: '三长在岗情况（导出时）', header: ['岗位', '应设', '在岗', '空缺', '外出或不能履职'], rows: seats },
    {
      name: `按${childLabel}`,
      title: `按${childLabel}`,
      header: [childLabel, '户数', '已绑定', '覆盖率', '走访', '三长空缺', '外出', '收到', '办结', '超时', '满意率'],
      rows: s.children.map((c) => [
        c.name,
        c.households,
        c.bound,
        pct(c.coverageRate),
        c.visits,
        c.leadsVacant,
        c.leadsAway,
        c.problems?.received ?? '—',
        c.problems?.resolved ?? '—',
        c.problems?.overdue ?? '—',
        c.problems ? pct(c.problems.satisfactionRate) : '—',
      ]),
    },
    {
      name: '近12个月',
      title: '近12个月趋势',
      header: ['月份', '收到反映', '办结', '走访', '满意率'],
      rows: s.trend.map((t) => [`${t.month.slice(0, 4)}年${shortMonth(t.month)}`, t.received, t.resolved, t.visits, pct(t.satisfactionRate)]),
    },
    {
      name: '恳谈会·优惠·评选',
      title: '民情恳谈会、专属优惠与最美邻长评选',
      header: ['项目', '数值', '说明'],
      rows: [
        ['民情恳谈会（公布纪要）', s.meetings, ''],
        ['三长专属优惠核销', s.redeemed, ''],
        ...s.campaigns.map((c) => [c.title, c.votes, `${c.stage}，候选人 ${c.candidates} 位，得票合计`] as Cell[]),
      ],
    },
  ];
}
