// notice.feed (a resident's 首页 notices) at two sizes, each on its own bench server, taking turns: a small
// 社区 (1,000 households, 100 notices) and 岳塘区 (190,000 households, 10,000 notices). The
// feed reads by the household's ancestor scope ids through an index, so reads per call must be
// equal at both sizes and the large p95 at most 1.2 × the small one. Prints one JSON line per
// size and one verdict line; registered in bench/run.ts.
import type { SizedBench } from './figures/types';
import { FEED_READERS, noticeCountFor, readerOpenid } from './seed/notice';
import { compareSizes, post, Side, signInAll, startBenchServer, type SizedSide } from './sized-server';
import { benchSize, type SizeName } from './sizes';

const P95_RATIO = 1.2;
const FEED = { action: 'feed', pageSize: 10 };

async function open(size: SizeName): Promise<SizedSide> {
  const server = await startBenchServer(`notice bench (${size})`, { BENCH_SIZE: size, BENCH_FIGURES: 'notice.feed' });
  try {
    const url = `${server.base}/api/notice`;
    const cookies = await signInAll(server.base, Array.from({ length: FEED_READERS }, (_, n) => readerOpenid(n)));
    const probe = await post(url, FEED, cookies[0]);
    if (!probe.json.ok || probe.json.data.source !== 'household') throw new Error(`notice bench (${size}): probe failed: ${JSON.stringify(probe.json)}`);
    // Warm up (SQLite page cache, JIT) so neither size is measured cold.
    for (let n = 0; n < 200; n++) await post(url, FEED, cookies[n % cookies.length]);
    // What the residents saw: notices per first page (the same work at both sizes).
    let shown = 0;
    for (let n = 0; n < 20; n++) shown += ((await post(url, FEED, cookies[n])).json.data.items as unknown[]).length;
    const households = benchSize(size).households;
    return { label: size === 'small' ? 'small' : 'large', shown: { households, notices: noticeCountFor(households), items_per_page: Number((shown / 20).toFixed(1)) }, side: new Side(server, url, cookies, FEED) };
  } catch (e) {
    server.stop();
    throw e;
  }
}

export const NOTICE_FEED_BENCH: SizedBench = {
  name: 'notice.feed',
  run: (seconds) => compareSizes('notice.feed', [() => open('small'), () => open('yuetang')], seconds, P95_RATIO),
};
