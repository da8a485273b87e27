import { View } from '@tarojs/components';
import type { OutputOf } from '../../../contracts';
import type { privacy } from '../../../contracts/privacy';
import { Cell, CellGroup } from '../../components/Cell';
import { cnDate, cnDateTime } from '../../utils/beijingTime';

export type MyData = OutputOf<typeof privacy.mine>;

const none = (what: string) => <Cell title={<View className='lzt-sub'>{`没有${what}`}</View>} />;

/** Everything held about the caller, one group per kind, phones masked. */
export default function MyDataSections({ d }: { d: MyData }) {
  return (
    <View id='mydata-sections'>
      <CellGroup title='账号' className='mydata-account'>
        {d.account ? (
          <>
            <Cell id='mydata-name' title='昵称' value={d.account.name || '微信用户'} />
            <Cell id='mydata-phone' title='手机号' value={d.account.phoneMasked ?? '未留'} />
            <Cell title='注册时间' value={cnDate(d.account.createdAt)} />
            <Cell id='mydata-roles' title='身份' value={d.account.roles.join('、')} />
            {d.account.honours.length ? <Cell title='荣誉' value={d.account.honours.map((h) => h.title).join('、')} /> : null}
          </>
        ) : (
          none('账号记录（只扫过码、未登记）')
        )}
      </CellGroup>
      <CellGroup title='住户'>
        {d.household ? (
          <>
            <Cell id='mydata-address' title='门牌地址' value={d.household.address} description={d.household.unitName} />
            <Cell title='家庭人数' value={`${d.household.people}人`} />
            <Cell title='住户手机号' value={d.household.phoneMasked ?? '未留'} />
            <Cell title='绑定这户的微信' value={`${d.household.members}人`} />
          </>
        ) : (
          none('绑定的住户')
        )}
      </CellGroup>
      <CellGroup title={`邻长走访（${d.visits.length}次）`}>
        {d.visits.length ? d.visits.map((v) => <Cell key={v.id} title={cnDate(v.visitedAt)} value={v.byName} description={v.problems} />) : none('走访记录')}
      </CellGroup>
      <CellGroup title={`我的反映（${d.reports.length}条）`}>
        {d.reports.length
          ? d.reports.map((r) => <Cell key={r.id} title={`${r.categoryLabel} · ${r.statusLabel}`} description={r.description} value={cnDate(r.createdAt)} />)
          : none('反映')}
      </CellGroup>
      <CellGroup title='投票'>
        {d.votes.length ? d.votes.map((v) => <Cell key={v.campaignTitle} title={v.campaignTitle} value={`${v.votes}票`} description={`最近一次：${cnDateTime(v.lastAt)}`} />) : none('投票记录')}
      </CellGroup>
      <CellGroup title='优惠核销'>
        {d.redemptions.length ? d.redemptions.map((r) => <Cell key={`${r.perkTitle}-${r.at}`} title={r.perkTitle} description={r.partnerName} value={cnDate(r.at)} />) : none('核销记录')}
      </CellGroup>
      <CellGroup title='自荐与推荐'>
        {d.applications.length
          ? d.applications.map((a) => <Cell key={`${a.kindLabel}-${a.createdAt}`} title={`${a.kindLabel} · ${a.unitName}`} value={a.statusLabel} description={cnDate(a.createdAt)} />)
          : none('自荐或推荐')}
      </CellGroup>
      <CellGroup title='消息' footer={d.truncated ? '记录较多，这里只显示最近的 100 条；导出的文件里是全部。' : undefined}>
        <Cell title='办理进度消息' value={`${d.messages}条`} />
      </CellGroup>
    </View>
  );
}
