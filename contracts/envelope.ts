// The reply envelope every cloud function returns, and the fixed set of error codes.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CLOSED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a user reads when a handler gives no more specific message. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '输入有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CLOSED: '已经截止，不能再操作',
  CONTENT_REJECTED: '内容含有不适宜的信息，请修改后再提交',
  INTERNAL: '服务暂时不可用，请稍后再试',
};

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && (ERROR_CODES as readonly string[]).includes(x);
}
