// 民情 on 首页: 反映问题 for everyone signed in; for the 三长, 部门 and 管理员 their 民情待办 with
// 待处理 / 已超时 / 已办结 counts (and the 管理员's 辖区民情). The pages live in the minqing subpackage.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '../../../contracts/roles';
import type { WhoAmI } from '../../api/whoami';
import { Cell, CellGroup } from '../../components/Cell';
import { useMinqingCounts } from '../../hooks/useMinqingCounts';
import { pageUrl } from '../../utils/pageUrl';

const HANDLER_ROLES: readonly Role[] = ['neighbourLead', 'groupLead', 'areaLead', 'department', 'admin'];
const go = (url: string) => () => void Taro.navigateTo({ url });

export default function MinqingEntries({ me }: { me: WhoAmI }) {
  const counts = useMinqingCounts(`${me.signedIn}:${me.roles.join(',')}`);
  if (!me.signedIn) return null;
  const handler = me.roles.some((r) => HANDLER_ROLES.includes(r));
  const todo = counts?.todo ?? null;
  return (
    <CellGroup title='有事找邻长' className='home-minqing'>
      <Cell
        id='home-report'
        title='反映问题'
        description='环境卫生、设施维修、邻里纠纷……拍照说一说，邻长接单办理'
        value={counts?.mineOpen ? `${counts.mineOpen} 件办理中` : undefined}
        onClick={go(pageUrl('minqing/report'))}
      />
      {handler ? (
        <Cell
          id='home-todo'
          title='民情待办'
          description={todo ? `待处理 ${todo.pending} · 已超时 ${todo.overdue} · 已办结 ${todo.done}` : '受理、分类、办结居民反映的问题'}
          value={todo && todo.overdue > 0 ? <View className='lzt-chip lzt-chip--warn'>{todo.overdue} 件超时</View> : undefined}
          onClick={go(pageUrl('minqing/todo', { box: todo && todo.overdue > 0 ? 'overdue' : 'pending' }))}
        />
      ) : null}
      {me.roles.includes('areaLead') || me.roles.includes('groupLead') || me.roles.includes('neighbourLead') ? (
        <Cell id='home-meetings' title='民情恳谈会' description='小事上会商量，记录议定结果、公布纪要' onClick={go(pageUrl('minqing/meetings'))} />
      ) : null}
      {me.roles.includes('admin') ? <Cell id='home-minqing-list' title='辖区民情' description='全部反映，按类别、状态、片、超时筛选' onClick={go(pageUrl('minqing/list'))} /> : null}
    </CellGroup>
  );
}
