// The 工作台's two charts, as the PDF report draws them (server/features/desk/report-pdf.ts):
// 收到/办结 by child (片, or 社区 …) and the 12-month trend of 收到/办结/走访, each with a
// one-line summary of the same numbers for a screen reader or a 长辈版 reader.
//
// Library: uCharts (@qiun/ucharts 2.5), not @antv/f2 5. uCharts is made for mini programs and
// draws through a plain CanvasRenderingContext2D, so the same call draws on Taro's
// <Canvas type='2d'> node in the weapp and on the HTML canvas in H5; it is one file with no
// dependencies (~145 KB unminified-by-us, ~100 KB once minified into this subpackage), where
// F2 5 brings its own JSX runtime (clashing with React's in a .tsx) and the G renderer stack.
// Imported only here, so it lands in the desk subpackage, never the main package.
import UCharts, { type UChartsOptions } from '@qiun/ucharts';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { LEVEL_LABELS, type Level } from '../../../contracts/roles';
import { useLargeText } from '../../settings/largeText';
import type { Summary } from './Sections';

const RECEIVED = '#576b95';
const RESOLVED = '#06703a';
const VISITS = '#b25900';
const month = (m: string) => `${Number(m.slice(4))}月`;

type Draw = Omit<UChartsOptions, 'context' | 'width' | 'height' | 'pixelRatio' | 'fontSize'>;
interface Canvas2D {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

/** The canvas node and its CSS size: the DOM canvas inside Taro's H5 element, or the weapp's 2d node. */
function canvasOf(id: string): Promise<{ node: Canvas2D; width: number; height: number; pix: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    // H5: a canvas of our own in the chart's box (desk.scss). Taro's H5 <Canvas> resets its
    // pixels each time it re-renders, which would blank the chart.
    const box = document.getElementById(id);
    const rect = box?.getBoundingClientRect();
    if (!box || !rect?.width) return Promise.resolve(null);
    let node = box.querySelector('canvas');
    if (!node) {
      node = document.createElement('canvas');
      Object.assign(node.style, { display: 'block', width: '100%', height: '100%' });
      box.appendChild(node);
    }
    return Promise.resolve({ node, width: rect.width, height: rect.height, pix: window.devicePixelRatio || 1 });
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Canvas2D; width: number; height: number }[]) => {
        const r = res[0];
        resolve(r?.node && r.width ? { node: r.node, width: r.width, height: r.height, pix: Taro.getSystemInfoSync().pixelRatio || 1 } : null);
      });
  });
}

function Chart({ id, title, draw, summary, large }: { id: string; title: string; draw: Draw; summary: string; large: boolean }) {
  const key = JSON.stringify([draw.categories, draw.series, large]);
  useEffect(() => {
    let live = true;
    let tries = 0;
    const paint = () => {
      void canvasOf(id).then((c) => {
        if (!live) return;
        if (!c) {
          if (++tries < 20) setTimeout(paint, 100);
          return;
        }
        c.node.width = Math.round(c.width * c.pix);
        c.node.height = Math.round(c.height * c.pix);
        new UCharts({ ...draw, context: c.node.getContext('2d'), width: c.node.width, height: c.node.height, pixelRatio: c.pix, fontSize: large ? 17 : 12, canvas2d: true });
      });
    };
    paint();
    return () => {
      live = false;
    };
    // `key` stands for draw and large: redraw only when the numbers or the text size change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key]);
  const box = `desk-chart__canvas${large ? ' desk-chart__canvas--large' : ''}`;
  return (
    <View className='lzt-card desk-chart'>
      <View className='desk-chart__title' id={`${id}-title`}>
        {title}
      </View>
      {/* The chart is to look at; each child's row in the list below opens its 工作台. */}
      {process.env.TARO_ENV === 'h5' ? <View id={id} className={box} /> : <Canvas type='2d' id={id} className={box} />}
      <View className='desk-chart__summary' id={`${id}-summary`}>
        {summary}
      </View>
    </View>
  );
}

/** A y axis of whole numbers: 4 steps up to a multiple of 4, so no two ticks read the same. */
const yMax = (values: number[]) => Math.max(4, Math.ceil(Math.max(0, ...values) / 4) * 4);

function common(large: boolean, many: boolean, values: number[]): Partial<Draw> {
  return {
    background: '#FFFFFF',
    animation: false,
    fontColor: '#333333',
    padding: [12, large ? 24 : 16, 4, 4],
    legend: { show: true, position: 'top', float: 'left', fontColor: '#333333', itemGap: 16 },
    xAxis: { fontColor: '#333333', fontSize: large ? 16 : 12, disableGrid: true, rotateLabel: many, rotateAngle: 45 },
    yAxis: { gridType: 'dash', gridColor: '#d9d9d9', splitNumber: 4, data: [{ min: 0, max: yMax(values), fontColor: '#333333', fontSize: large ? 16 : 12 }] },
  };
}

export function ChildrenChart({ s }: { s: Summary }) {
  const large = useLargeText();
  const shown = s.children.slice(0, 16).filter((c) => c.problems);
  if (!shown.length) return null;
  const label = LEVEL_LABELS[s.children[0].level as Level] ?? '下级';
  const received = shown.map((c) => c.problems?.received ?? 0);
  const resolved = shown.map((c) => c.problems?.resolved ?? 0);
  const top = shown.reduce((best, c, i) => (received[i] > received[best] ? i : best), 0);
  const total = received.reduce((a, b) => a + b, 0);
  const summary = total
    ? `共 ${shown.length} 个${label}，收到最多的是${shown[top].name}：收到 ${received[top]} 件、办结 ${resolved[top]} 件；合计收到 ${total} 件、办结 ${resolved.reduce((a, b) => a + b, 0)} 件。`
    : `共 ${shown.length} 个${label}，${s.period.title}各${label}都没有收到反映。`;
  const base = common(large, shown.length > (large ? 4 : 6), received);
  return (
    <Chart
      id='desk-chart-children'
      title={`按${label}：收到与办结`}
      large={large}
      summary={summary}
      draw={{
        ...base,
        type: 'column',
        categories: shown.map((c) => c.name),
        series: [
          { name: '收到', data: received, color: RECEIVED },
          { name: '办结', data: resolved, color: RESOLVED },
        ],
        extra: { column: { type: 'group', width: large ? 18 : 14, seriesGap: 2, categoryGap: 4 } },
      }}
    />
  );
}

export function TrendChart({ s }: { s: Summary }) {
  const large = useLargeText();
  if (!s.trend.length) return null;
  const sum = (k: 'received' | 'resolved' | 'visits') => s.trend.reduce((a, t) => a + t[k], 0);
  const peak = s.trend.reduce((best, t) => (t.received > best.received ? t : best), s.trend[0]);
  const summary =
    `近12个月共收到反映 ${sum('received')} 件、办结 ${sum('resolved')} 件、走访 ${sum('visits')} 次` +
    (peak.received ? `；收到最多的是${month(peak.month)}（${peak.received} 件）。` : '。');
  const base = common(large, false, s.trend.flatMap((t) => [t.received, t.resolved, t.visits]));
  return (
    <Chart
      id='desk-chart-trend'
      title='近12个月：收到反映、办结与走访'
      large={large}
      summary={summary}
      draw={{
        ...base,
        type: 'line',
        categories: s.trend.map((t) => month(t.month)),
        series: [
          { name: '收到', data: s.trend.map((t) => t.received), color: RECEIVED },
          { name: '办结', data: s.trend.map((t) => t.resolved), color: RESOLVED },
          { name: '走访', data: s.trend.map((t) => t.visits), color: VISITS },
        ],
        xAxis: { ...base.xAxis, labelCount: large ? 4 : 6 },
        dataLabel: false,
        extra: { line: { type: 'straight', width: 2 } },
      }}
    />
  );
}
