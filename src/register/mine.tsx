import { call } from '../api/client';
import CallView from '../components/CallView';
import EmptyState from '../components/EmptyState';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import ApplicationItem from './parts/ApplicationItem';
import './register.scss';

/** 我的自荐与推荐: what I submitted and what the 社区 decided. */
export default function MinePage() {
  const mine = useCall(() => call('register', 'mine', {}), [], { refreshOnShow: true });
  return (
    <PageShell name='register-mine'>
      <CallView
        state={mine}
        loadingText='正在读取…'
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState id='register-mine-empty' title='还没有自荐或推荐' description='在邻长联系卡上点“我想当邻长”或“推荐邻长”，就能报名或推荐热心邻居。' />}
      >
        {(d) => (
          <>
            {d.items.map((a) => (
              <ApplicationItem key={a.id} a={a} onChanged={() => void mine.reload()} />
            ))}
          </>
        )}
      </CallView>
    </PageShell>
  );
}
