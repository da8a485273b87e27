// 民情设置 for the 社区 管理员: the problem categories residents choose from and the deadlines
// (受理, 紧急, 私事/小事/大事 办结, 居民评价) that mark a problem overdue.
import { View } from '@tarojs/components';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import CategoryEditor from './parts/CategoryEditor';
import DeadlineEditor from './parts/DeadlineEditor';
import '../components/work.scss';
import './minqing.scss';
import './stats.scss';

async function loadSettings() {
  const [cats, deadlines] = await Promise.all([call('minqing', 'categories', {}), call('minqing', 'deadlines', {})]);
  if (!cats.ok) return cats;
  if (!deadlines.ok) return deadlines;
  return { ok: true as const, data: { categories: cats.data.items, deadlines: deadlines.data } };
}

export default function SettingsPage() {
  const state = useCall(loadSettings, []);
  return (
    <PageShell name='minqing-settings'>
      <View className='lzt-card'>
        <View className='lzt-title'>民情设置</View>
        <View className='lzt-sub'>本社区居民反映问题时可选的类别，和每类问题的办理时限。超过时限的反映标为超时，上一级可以督办。</View>
      </View>
      {isFinalError(state.error) ? (
        <BlockedState error={state.error} />
      ) : (
        <CallView state={state} loadingText='正在读取设置…'>
          {(s) => (
            <>
              <CategoryEditor initial={s.categories} />
              <DeadlineEditor initial={s.deadlines} />
            </>
          )}
        </CallView>
      )}
    </PageShell>
  );
}
