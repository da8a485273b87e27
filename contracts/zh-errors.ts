// Chinese messages for schema failures, so bad input reads clearly in the mini program.
import { z } from 'zod';

const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  name: '姓名',
  phone: '手机号',
  building: '楼栋',
  unitNo: '单元',
  room: '门牌号',
  people: '人数',
  text: '内容',
  reason: '原因',
  title: '标题',
  description: '说明',
  page: '页码',
  pageSize: '每页条数',
  keyword: '关键词',
  id: '编号',
  unitId: '邻',
  nodeId: '组织',
  householdId: '住户',
  story: '介绍',
  code: '绑定码',
  who: '联系人',
  status: '状态',
  fileId: '文件',
  problems: '问题记录',
};

function label(path: (string | number)[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  if (!last) return '输入';
  return FIELD_LABELS[last] ?? last;
}

export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  const field = label(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined' || issue.received === 'null') return { message: `请填写${field}` };
      return { message: `${field}的格式不正确` };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: `${field}至少需要${issue.minimum}个字` };
      if (issue.type === 'array') return { message: `${field}至少需要${issue.minimum}项` };
      return { message: `${field}不能小于${issue.minimum}` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `${field}最多${issue.maximum}个字` };
      if (issue.type === 'array') return { message: `${field}最多${issue.maximum}项` };
      return { message: `${field}不能大于${issue.maximum}` };
    case z.ZodIssueCode.invalid_string:
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_date:
      return { message: `${field}的格式不正确` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: '包含无法识别的内容' };
    case z.ZodIssueCode.not_finite:
    case z.ZodIssueCode.not_multiple_of:
      return { message: `${field}的数值不正确` };
    default:
      return { message: issue.message ?? ctx.defaultError };
  }
};

const CHINESE = /[\u4e00-\u9fa5]/;

/** The first problem of a failed parse, as one Chinese sentence (a schema's own Chinese message wins). */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '输入有误';
  if (CHINESE.test(first.message)) return first.message;
  return zhErrorMap(first, { data: undefined, defaultError: first.message }).message;
}
