// 导出我的信息: one .xlsx, a sheet per kind of record, in the caller's private storage (only they
// can download it). Unlike the screen, the file holds their own phone numbers in full.
import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context';
import { formatBeijing } from '../../core/time';
import { fileStamp } from '../../core/ids';
import { putPrivateFile } from '../../domain/uploads';
import { householdView, roleLabels, type Held } from './collect';

type Cell = string | number;

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  if (rows.length === 0) ws.addRow(['（无）']);
  ws.columns.forEach((c) => (c.width = 22));
}

export async function exportHeld(ctx: Ctx, held: Held): Promise<{ fileId: string; url: string; name: string }> {
  const t = (ms: number | undefined) => (ms ? formatBeijing(ms) : '');
  const wb = new ExcelJS.Workbook();
  wb.creator = '邻长通';
  const u = held.user;
  sheet(wb, '账号', ['项目', '内容'], [
    ['昵称', u?.name ?? ''],
    ['手机号', u?.phone ?? ''],
    ['注册时间', t(u?.createdAt)],
    ['身份', roleLabels(u).join('、')],
    ['荣誉', (u?.honours ?? []).map((h) => h.title).join('、')],
  ]);
  const h = held.household ? householdView(held.household, ctx.openid()) : null;
  sheet(wb, '住户', ['地址', '所在邻', '人数', '手机号', '家庭成员数', '绑定时间'], h ? [[h.address, h.unitName, h.people, h.phone ?? '', h.members, t(h.boundAt)]] : []);
  sheet(
    wb,
    '走访',
    ['时间', '邻长', '见面', '聊天', '登记', '告知书', '收集问题', '问题'],
    held.visits.map((v) => {
      const yes = (b: boolean) => (b ? '是' : '否');
      return [t(v.visitedAt), v.byName, yes(v.items.met), yes(v.items.chatted), yes(v.items.registered), yes(v.items.noticeGiven), yes(v.items.problemsCollected), v.problems ?? ''];
    }),
  );
  sheet(wb, '反映', ['编号', '类别', '内容', '地点', '状态', '提交时间', '留的电话'], held.reports.map((r) => [r.number, r.categoryLabel, r.description, r.place, r.statusLabel, t(r.createdAt), r.reporterPhone ?? '']));
  sheet(wb, '投票', ['评选', '有效票数', '最近一次'], held.votes.map((v) => [v.campaignTitle, v.votes, t(v.lastAt)]));
  sheet(wb, '核销', ['优惠', '商家', '时间'], held.redemptions.map((r) => [r.perkTitle, r.partnerName, t(r.at)]));
  sheet(wb, '申请', ['类型', '邻', '姓名', '手机号', '结果', '提交时间'], held.applications.map((a) => [a.kindLabel, a.unitName, a.name, a.phone ?? '', a.statusLabel, t(a.createdAt)]));
  sheet(wb, '消息', ['时间', '标题', '内容'], held.messages.map((m) => [t(m.at), m.title, m.body]));
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const fileId = await putPrivateFile(ctx, 'reports', 'my-data', 'xlsx', data);
  return { fileId, url: await ctx.files.url(fileId), name: `我的信息-${fileStamp(ctx.clock.now()).slice(0, 8)}.xlsx` };
}
