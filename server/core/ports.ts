// The ports a handler is given. Each has a cloud adapter (wx-server-sdk) and a local one.
import type { Store } from '../store/port';
import type { ReadSheetOptions, SheetRow, WorkbookSpec } from './spreadsheet';

/** Who is calling, as the runtime says: never from the request body. */
export interface Caller {
  openid: string | null;
}

export interface Clock {
  now(): number;
}

export type ContentVerdict = { ok: true } | { ok: false; label: string };

export interface ContentChecker {
  /** User-written text, before it is stored. `scene`: 1 资料 2 评论 3 论坛 4 社交日志. */
  checkText(text: string, opts: { openid: string; scene: 1 | 2 | 3 | 4 }): Promise<ContentVerdict>;
}

export interface SubscribeMessage {
  /** The recipient's openid: someone who tapped 允许 for this template (one tap, one message). */
  touser: string;
  /** From TEMPLATES (server/core/templates.ts): per environment; '' when not configured. */
  templateId: string;
  /** The page the message opens, e.g. 'register/mine' (parameters allowed). */
  page?: string;
  /** Build with `subscribeData` (server/core/subscribe.ts): each value fits its key's type (thing ≤ 20 …). */
  data: Record<string, { value: string }>;
}

export type SendResult = { sent: true } | { sent: false; reason: 'no-template' | 'invalid-field' | 'not-subscribed' | 'refused' | 'error' };

/**
 * Subscribe messages (订阅消息). Any feature that notifies a user (review results, 民情 progress …):
 *
 *   await ctx.notifier.send({ touser, templateId: TEMPLATES.x, page: 'pkg/page', data: subscribeData({ thing1: '…', phrase2: '已办结' }) });
 *
 * The user must have been asked with Taro.requestSubscribeMessage at their tap (the page gets the
 * ids from account.templates). `send` never throws and never fails the action: a message that
 * does not go out (template not configured, a field breaking WeChat's rules, the user not
 * subscribed, WeChat refusing) is recorded in `notifyFailures`, counted per day in
 * `notifyStats`, and answered as { sent: false, reason } (server/core/notify.ts).
 */
export interface Notifier {
  send(message: SubscribeMessage): Promise<SendResult>;
}

export interface QrMaker {
  /** A PNG of a code that opens `page` with `scene` (≤ 32 visible characters). */
  make(opts: { scene: string; page: string; width?: number }): Promise<Buffer>;
}

/** Files the functions read (uploaded rosters) and write (cards, templates, reports). */
export interface FileStore {
  /** Stores bytes under a path like `cards/g1.pdf`; returns the file's id. */
  put(path: string, data: Buffer, contentType: string): Promise<string>;
  get(fileId: string): Promise<Buffer>;
  /** An address the mini program can download or open (temporary in the cloud). */
  url(fileId: string): Promise<string>;
  /**
   * Addresses that let whoever holds them read these files for `maxAgeSec` seconds, whoever
   * they are (cloud: getTempFileURL; locally: a signed /files/ link). Hand them out only to a
   * caller the handler has decided may see the files: use `readableUrls` (server/domain/uploads.ts).
   */
  grant(fileIds: readonly string[], maxAgeSec: number): Promise<string[]>;
}

/**
 * Keys the functions hold: per environment (a cloud function's environment variables; locally
 * generated into the data folder), never in the repository for production, never in a reply.
 */
export interface Secrets {
  /** HMAC-SHA256 key of perk passes (LZT_PASS_SECRET). Throws INTERNAL when not configured. */
  passKey(): Buffer;
}

/**
 * The phone number a WeChat user holds, from the one-time `code` that the mini program's
 * `<Button open-type="getPhoneNumber">` hands over after the user's tap (WeChat's
 * phonenumber.getPhoneNumber). A code works once, for a few minutes; an invalid or spent one
 * throws INVALID_INPUT.
 */
export interface PhoneNumbers {
  numberOf(code: string): Promise<{ phone: string; countryCode: string }>;
}

/**
 * .xlsx in and out (exceljs: long synchronous work that cannot be sliced, on files from outside).
 * Locally (every function in one process) a worker thread does it, within a memory and a time
 * bound: a hostile workbook kills only the worker, and other callers are answered meanwhile
 * (server/runtime/local-sheets.ts). In the cloud an instance serves one call at a time: in-process
 * (`inProcessSheets`, server/core/spreadsheet.ts). Both refuse a workbook over XLSX_LIMITS first.
 */
export interface Sheets {
  /** The rows under the sheet's header (readSheet); INVALID_INPUT with a Chinese message for any file it cannot take. */
  read<K extends string>(data: Buffer, opts: ReadSheetOptions<K>): Promise<SheetRow<K>[]>;
  /** The .xlsx of a spec (a report). */
  write(book: WorkbookSpec): Promise<Buffer>;
}

export interface Ports {
  store: Store;
  sheets: Sheets;
  files: FileStore;
  clock: Clock;
  checker: ContentChecker;
  notifier: Notifier;
  qr: QrMaker;
  secrets: Secrets;
  phones: PhoneNumbers;
}
