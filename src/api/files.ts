// Files in and out of the mini program: pick an .xlsx and upload it (its id goes to a
// cloud function), and open a document a function produced (template, report, PDF).
// weapp: chooseMessageFile + cloud storage, downloadFile + openDocument.
// h5 (local dev server): a hidden <input type="file"> + POST /__upload, window.open.
import Taro from '@tarojs/taro';
import type { AppErrorBody, Reply } from '../../contracts';
import { isCancel, pickH5, postH5, uploadWeappFile } from './upload';

export interface Uploaded {
  fileId: string;
  name: string;
}

const UPLOAD_FAILED: AppErrorBody = { code: 'INTERNAL', message: '文件上传失败，请重试' };
const OPEN_FAILED: AppErrorBody = { code: 'INTERNAL', message: '文件打不开，请稍后再试' };

/** The id of the hidden file input on H5 (tests fill it with setInputFiles). */
export const FILE_INPUT_ID = 'lzt-file-input';

async function uploadWeapp(): Promise<Reply<Uploaded> | null> {
  let picked: { path: string; name: string };
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    picked = res.tempFiles[0];
  } catch (e) {
    return isCancel(e) ? null : { ok: false, error: { code: 'INTERNAL', message: '没有选到文件，请从微信聊天里选择 .xlsx 文件' } };
  }
  if (!picked) return null;
  const res = await uploadWeappFile('sheet', picked.path, 'xlsx', UPLOAD_FAILED);
  return res.ok ? { ok: true, data: { fileId: res.data.fileId, name: picked.name } } : res;
}

async function uploadH5(): Promise<Reply<Uploaded> | null> {
  const [file] = await pickH5(FILE_INPUT_ID, '.xlsx', 1);
  if (!file) return null;
  const res = await postH5(file, file.name, UPLOAD_FAILED, 'sheet');
  return res.ok ? { ok: true, data: { fileId: res.data.fileId, name: file.name } } : res;
}

/** Lets the user pick one .xlsx and uploads it. null: the user cancelled. */
export function uploadFile(): Promise<Reply<Uploaded> | null> {
  return process.env.TARO_ENV === 'weapp' ? uploadWeapp() : uploadH5();
}

const fileTypeOf = (url: string) => /\.(pdf|xlsx|xls|docx?|pptx?)(?:[?#]|$)/i.exec(url)?.[1].toLowerCase();

async function openWeapp(url: string): Promise<Reply<true>> {
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) return { ok: false, error: OPEN_FAILED };
    const fileType = fileTypeOf(url) as Taro.openDocument.Option['fileType'];
    await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true, ...(fileType ? { fileType } : {}) });
    return { ok: true, data: true };
  } catch {
    return { ok: false, error: OPEN_FAILED };
  }
}

function openH5(url: string): Reply<true> {
  const win = window.open(url, '_blank');
  return win ? { ok: true, data: true } : { ok: false, error: { code: 'INTERNAL', message: '浏览器拦截了新窗口，请再点一次“打开”' } };
}

/** Opens a document by URL: WeChat's document viewer (with 转发/保存 menu), or a new tab on H5. */
export async function openDocument(url: string): Promise<Reply<true>> {
  return process.env.TARO_ENV === 'weapp' ? openWeapp(url) : openH5(url);
}
