import { Picker, View } from '@tarojs/components';
import { useState } from 'react';
import type { OutputOf } from '../../contracts';
import type { audit, AuditEntryT } from '../../contracts/audit';
import type { AuditedAction } from '../../contracts/audited';
import { call } from '../api/client';
import CursorList from '../components/CursorList';
import EmptyState from '../components/EmptyState';
import PageShell from '../components/PageShell';
import { useCursorPaged } from '../hooks/useCursorPaged';
import EntryRow from './parts/EntryRow';
import './audit.scss';

type Kind = { what: AuditedAction; label: string };
type AuditPageT = OutputOf<typeof audit.list>;

/** 操作记录: every destructive or privileged action in the 管理员's subtree, newest first, by who and what. */
export default function AuditPage() {
  const [what, setWhat] = useState<Kind | null>(null);
  const [who, setWho] = useState<{ id: string; name: string } | null>(null);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const list = useCursorPaged<AuditEntryT, AuditPageT>(
    async (cursor) => {
      const reply = await call('audit', 'list', { ...(what ? { what: what.what } : {}), ...(who ? { by: who.id } : {}), ...(cursor ? { cursor } : {}) });
      if (reply.ok && kinds.length === 0) setKinds(reply.data.kinds);
      return reply;
    },
    [what?.what, who?.id],
  );
  const options = ['全部操作', ...kinds.map((k) => k.label)];
  return (
    <PageShell name='audit'>
      <View className='lzt-section-foot audit-intro'>删除、替换、交办、授权、作废等操作都记在这里，只增不改。点操作人的名字只看TA的记录。</View>
      <View className='audit-filters'>
        <Picker mode='selector' range={options} value={what ? options.indexOf(what.label) : 0} onChange={(e) => setWhat(Number(e.detail.value) === 0 ? null : kinds[Number(e.detail.value) - 1])}>
          <View id='audit-filter-what' className='lzt-chip lzt-chip--none audit-filter'>
            {`操作：${what ? what.label : '全部'} ▾`}
          </View>
        </Picker>
        {who ? (
          <View id='audit-filter-who' className='lzt-chip lzt-chip--done audit-filter' onClick={() => setWho(null)}>
            {`操作人：${who.name} ✕`}
          </View>
        ) : null}
      </View>
      <CursorList
        id='audit-list'
        state={list}
        loadingText='正在读取操作记录…'
        empty={<EmptyState id='audit-empty' title='没有操作记录' description={what || who ? '换个筛选条件试试。' : '辖区内还没有需要记录的操作。'} />}
      >
        {(items) => items.map((e) => <EntryRow key={e.id} e={e} onWho={(x) => setWho({ id: x.byId, name: x.byName })} />)}
      </CursorList>
    </PageShell>
  );
}
