// Cloud function `desk`: the 社区工作台 (see contracts/desk.ts).
import { desk, REPORT_KIND_LABELS } from '../../../contracts/desk';
import { defineFunction } from '../../core/router';
import { formatBeijing } from '../../core/time';
import { putPrivateFile } from '../../domain/uploads';
import { listCounts } from './lists';
import { periodOf } from './period';
import { reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';
import { deskNode, summaryOf } from './summary';

export const deskFunction = defineFunction('desk', desk, {
  lists: listCounts,

  async summary(ctx, { nodeId, month }) {
    const node = await deskNode(ctx, nodeId);
    return summaryOf(ctx, node, periodOf('month', month, ctx.clock.now()));
  },

  /** The same figures as the dashboard, for a month, its quarter or its half-year: one call, a few reads. */
  async report(ctx, { nodeId, kind, month, format }) {
    const node = await deskNode(ctx, nodeId);
    const now = ctx.clock.now();
    const s = await summaryOf(ctx, node, periodOf(kind, month, now));
    const title = `${node.name}${s.period.title}${REPORT_KIND_LABELS[kind]}`;
    const madeAt = formatBeijing(now);
    const data = format === 'xlsx' ? await reportXlsx(s, title, madeAt) : await reportPdf(s, title, madeAt);
    const id = await putPrivateFile(ctx, 'reports', `desk-${node._id}-${s.period.months[0]}`, format, data);
    return { url: await ctx.files.url(id), name: `${title}.${format}`, title };
  },
});
