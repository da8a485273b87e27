// The 工作台's sections: coverage, 三长, visits, 民情 (by class, category), and the rest.
import { View } from '@tarojs/components';
import { LEAD_TITLE_LABELS } from '../../../contracts/labels';
import type { Output } from '../../api/client';
import { Cell, CellGroup } from '../../components/Cell';
import Taro from '@tarojs/taro';
import { deskLinks, type Scope } from '../links';
import { percent, Tile, Tiles } from './Tile';
import { pageUrl } from '../../utils/pageUrl';

export type Summary = Output<'desk', 'summary'>;
const go = (url: string) => () => void Taro.navigateTo({ url });

export function Coverage({ s, scope }: { s: Summary; scope: Scope }) {
  const c = s.coverage;
  const url = deskLinks.households(scope);
  return (
    <Tiles title='覆盖：绑定住户 / 居民信息账户数' id='desk-coverage'>
      <Tile id='desk-households' label='住户' value={c.households} url={url} />
      <Tile id='desk-bound' label='已绑定' value={c.bound} url={url} />
      <Tile id='desk-coverage-rate' label='覆盖率' value={percent(c.coverageRate)} url={url} />
      <Tile id='desk-visits' label='本期走访' value={s.visits.visits} url={url} />
      <Tile id='desk-visits-complete' label='“五个一”完成' value={s.visits.complete} url={url} />
      <Tile id='desk-visited' label='累计走访户' value={c.visited} url={url} />
    </Tiles>
  );
}


export function Leads({ s, scope }: { s: Summary; scope: Scope }) {
  const url = deskLinks.leads(scope);
  const rows = (['area', 'group', 'unit'] as const).map((l) => ({ l, seat: s.leads[l] })).filter((r) => r.seat);
  return (
    <CellGroup title='三长在岗情况' className='desk-leads'>
      {rows.map(({ l, seat }) => (
        <Cell
          key={l}
          id={`desk-leads-${l}`}
          title={`${LEAD_TITLE_LABELS[l]}：应设 ${seat!.seats}，在岗 ${seat!.filled}`}
          description={`空缺 ${seat!.vacant} · 外出或不能履职 ${seat!.away}`}
          value={seat!.vacant + seat!.away > 0 ? <View className='lzt-chip lzt-chip--warn'>{seat!.vacant + seat!.away} 处待调整</View> : <View className='lzt-chip lzt-chip--done'>齐全</View>}
          onClick={go(url)}
        />
      ))}
    </CellGroup>
  );
}

export function Problems({ s, scope }: { s: Summary; scope: Scope }) {
  const p = s.problems;
  const all = deskLinks.problems(scope);
  return (
    <Tiles title='民情办理（三事分流）' id='desk-problems'>
      <Tile id='desk-received' label='收到反映' value={p.received} url={all} />
      <Tile id='desk-accepted-in-time' label='按时受理' value={p.acceptedInTime} url={all} />
      <Tile id='desk-resolved' label='已办结' value={p.resolved} url={deskLinks.problems(scope, { status: 'resolved' })} />
      <Tile id='desk-overdue' label='当前超时' value={p.overdue} url={deskLinks.overdue(scope)} warn={p.overdue > 0} />
      <Tile id='desk-open' label='当前办理中' value={p.open} url={all} />
      <Tile id='desk-avg-hours' label='平均办结（小时）' value={p.avgResolveHours ?? '—'} />
      <Tile id='desk-response-rate' label='响应率' value={percent(p.responseRate)} />
      <Tile id='desk-ontime-rate' label='按期办结率' value={percent(p.onTimeRate)} />
      <Tile id='desk-satisfaction' label='满意率' value={percent(p.satisfactionRate)} />
    </Tiles>
  );
}

export function Breakdowns({ s, scope }: { s: Summary; scope: Scope }) {
  const row = (kind: 'class' | 'category') => (b: Summary['byClass'][number]) => (
    <Cell
      key={b.id}
      id={`desk-${kind}-${b.id}`}
      title={b.label}
      description={kind === 'category' ? `收到 ${b.received} · 办结 ${b.resolved} · 评价 ${b.rated}` : `办结 ${b.resolved} · 评价 ${b.rated}`}
      value={`满意率 ${percent(b.satisfactionRate)}`}
      onClick={go(deskLinks.problems(scope, { [kind]: b.id }))}
    />
  );
  return (
    <>
      <CellGroup title='按分类（私事 / 小事 / 大事）' className='desk-by-class'>
        {s.byClass.map(row('class'))}
      </CellGroup>
      <CellGroup title='按类别' className='desk-by-category'>
        {s.byCategory.map(row('category'))}
      </CellGroup>
    </>
  );
}

export function Others({ s, scope }: { s: Summary; scope: Scope }) {
  return (
    <>
      <Tiles title='恳谈会与专属优惠' id='desk-others'>
        <Tile id='desk-meetings' label='民情恳谈会' value={s.meetings} url={deskLinks.meetings()} />
        <Tile id='desk-redeemed' label='三长优惠核销' value={s.redeemed} url={deskLinks.perks(scope)} />
        <Tile id='desk-campaigns' label='评选活动' value={s.campaigns.length} url={scope.admin ? pageUrl('vote/admin') : undefined} />
      </Tiles>
      {s.campaigns.length ? (
        <CellGroup title='最美邻长评选参与' className='desk-campaigns'>
          {s.campaigns.map((c) => (
            <Cell
              key={c.id}
              id={`desk-campaign-${c.id}`}
              title={c.title}
              description={`${c.stage} · 候选人 ${c.candidates} 位`}
              value={`${c.votes} 票`}
              onClick={scope.admin ? go(deskLinks.campaign(c.id)) : undefined}
            />
          ))}
        </CellGroup>
      ) : null}
    </>
  );
}
