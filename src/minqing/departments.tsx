// 部门账号 for the 管理员: the district's 部门 that take 大事, and for the one picked its
// 办理人员 (bound with a one-time code; each sees only what is handed to that 部门).
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import { Cell, CellGroup } from '../components/Cell';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import DepartmentStaff from './parts/DepartmentStaff';
import '../components/work.scss';
import './minqing.scss';

export default function DepartmentsPage() {
  const state = useCall(() => call('minqing', 'departments', {}), []);
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <PageShell name='minqing-departments'>
      <View className='lzt-card'>
        <View className='lzt-title'>部门账号</View>
        <View className='lzt-sub'>社区把大事交给这些部门办理。给部门的工作人员生成绑定码，他们就能查看和办理交给本部门的反映；人员调走后在这里解除。</View>
      </View>
      {isFinalError(state.error) ? (
        <BlockedState error={state.error} />
      ) : (
        <CallView state={state} loadingText='正在读取部门…'>
          {({ items }) => (
            <>
              <CellGroup title='选择部门'>
                {items.map((d) => (
                  <Cell key={d.id} id={`department-${d.id}`} title={d.name} value={picked === d.id ? '已选' : undefined} onClick={() => setPicked(d.id)} />
                ))}
              </CellGroup>
              {picked ? <DepartmentStaff key={picked} departmentId={picked} /> : null}
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
