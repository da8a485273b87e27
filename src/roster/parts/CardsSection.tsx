// 打印联系卡: pick a 片 or 组 → roster.cards → open the A4 PDF of its 邻长联系卡.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import { openDocument } from '../../api/files';
import { Cell, CellGroup } from '../../components/Cell';
import Loading from '../../components/Loading';
import PrimaryButton from '../../components/PrimaryButton';
import type { TreeNode } from '../treeModel';
import { FormError } from './Fields';
import NodeChooser from './NodeChooser';
import { useAction } from '../../hooks/useAction';

type Cards = Output<'roster', 'cards'>;

export default function CardsSection() {
  const { busy, error, setError, run } = useAction();
  const [node, setNode] = useState<TreeNode | null>(null);
  const [cards, setCards] = useState<(Cards & { name: string; url: string }) | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function open(url: string) {
    const r = await openDocument(url);
    if (!r.ok) setError(r.error.message);
  }

  async function generate() {
    if (!node) return setError('请先选择一个片或组');
    // A big 片 makes its QR codes over several calls (each within the function's time): ask again until the PDF is ready.
    let data = await run('cards', () => call('roster', 'cards', { nodeId: node.id }));
    for (let calls = 1; data?.more && calls < 100; calls++) {
      setProgress(data.more);
      data = await run('cards', () => call('roster', 'cards', { nodeId: node.id }));
    }
    setProgress(null);
    if (!data?.url) return;
    setCards({ ...data, url: data.url, name: node.name });
    await open(data.url);
  }

  return (
    <View id='admin-cards'>
      <View className='lzt-section-title'>选择要打印的片或组（可搜索楼栋）</View>
      <NodeChooser id='cards-node' levels={['area', 'group']} value={node} onChange={(n) => { setNode(n); setCards(null); }} placeholder='片、组、组长或楼栋' />
      {busy || progress ? <Loading text={progress ? `正在生成二维码（${progress.done}/${progress.total}）…` : '正在生成联系卡 PDF…'} /> : null}
      <FormError id='cards-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='cards-generate' disabled={!node || !!busy} loading={!!busy || undefined} onClick={() => void generate()}>
          {node ? `生成“${node.name}”的联系卡 PDF` : '请先选择片或组'}
        </PrimaryButton>
      </View>
      {cards ? (
        <CellGroup title='已生成' footer='A4 纸打印，每张卡裁开后贴在单元门口或发到楼栋群。'>
          <Cell id='cards-result' title={`${cards.name}：${cards.cards} 张卡，共 ${cards.pages} 页`} onClick={() => void open(cards.url)} value='打开 PDF' />
        </CellGroup>
      ) : null}
    </View>
  );
}
