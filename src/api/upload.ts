// What picking and uploading a file shares, whatever the file: WeChat's cancel, and on H5 (the
// local dev server) a hidden <input type="file"> and POST /__upload.
import Taro from '@tarojs/taro';
import type { AppErrorBody, Reply } from '../../contracts';
import { call, NETWORK_ERROR } from './client';

export type UploadKind = 'photo' | 'sheet';

/** WeChat's own cancel messages ("chooseImage:fail cancel"). */
export const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

/** Opens the H5 file chooser (a hidden input, made once per id); [] when cancelled. */
export function pickH5(inputId: string, accept: string, max: number): Promise<File[]> {
  let input = document.getElementById(inputId) as HTMLInputElement | null;
  if (!input) {
    input = document.createElement('input');
    input.id = inputId;
    input.type = 'file';
    input.style.display = 'none';
    document.body.appendChild(input);
  }
  const el = input;
  el.accept = accept;
  el.multiple = max > 1;
  el.value = '';
  return new Promise((resolve) => {
    el.onchange = () => resolve(Array.from(el.files ?? []).slice(0, max));
    el.oncancel = () => resolve([]);
    el.click();
  });
}

/**
 * weapp: uploads into a cloud path of the caller's own (account.uploadTicket: the server records
 * the caller as its owner, so only they can hand the file to a function).
 */
export async function uploadWeappFile(kind: UploadKind, filePath: string, ext: string, failed: AppErrorBody): Promise<Reply<{ fileId: string }>> {
  const ticket = await call('account', 'uploadTicket', { kind, ext: ext as 'jpg' });
  if (!ticket.ok) return ticket;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: ticket.data.cloudPath, filePath });
    return { ok: true, data: { fileId: res.fileID } };
  } catch {
    return { ok: false, error: failed };
  }
}

/** Uploads one file to the dev server (type checked by content there), which answers with its `local:` id. */
export async function postH5(file: File, name: string, failed: AppErrorBody, kind: UploadKind): Promise<Reply<{ fileId: string }>> {
  try {
    const res = await fetch(`/__upload?kind=${kind}&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    const json = (await res.json()) as Reply<{ fileId: string }>;
    if (json?.ok === true) return { ok: true, data: { fileId: json.data.fileId } };
    return { ok: false, error: json?.ok === false ? json.error : failed };
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}
