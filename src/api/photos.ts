// Photos (a nomination's, a campaign cover, a 三长's portrait): pick from the album or take one, then upload.
// weapp: chooseImage (compressed) + cloud storage; h5 (local dev server): a hidden
// <input type="file" accept="image/*"> + POST /__upload. Same shape as src/api/files.ts.
import Taro from '@tarojs/taro';
import type { AppErrorBody, Reply } from '../../contracts';
import { NETWORK_ERROR } from './client';

/** The id of the hidden image input on H5 (tests fill it through the file chooser). */
export const PHOTO_INPUT_ID = 'lzt-photo-input';

const UPLOAD_FAILED: AppErrorBody = { code: 'INTERNAL', message: '照片上传失败，请重试' };
const TOO_BIG: AppErrorBody = { code: 'INVALID_INPUT', message: '照片太大了（超过 10MB），请换一张' };
const MAX_BYTES = 10 * 1024 * 1024;

const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e));
const extOf = (path: string) => (/\.(jpe?g|png|webp|gif)$/i.exec(path)?.[1] ?? 'jpg').toLowerCase();

async function uploadWeapp(max: number, folder: string): Promise<Reply<string[]> | null> {
  let paths: string[];
  try {
    const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    paths = res.tempFilePaths;
  } catch (e) {
    return isCancel(e) ? null : { ok: false, error: { code: 'INTERNAL', message: '没有选到照片，请重试' } };
  }
  if (paths.length === 0) return null;
  const ids: string[] = [];
  try {
    for (const [i, filePath] of paths.entries()) {
      const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${Date.now()}-${i}.${extOf(filePath)}`, filePath });
      ids.push(res.fileID);
    }
  } catch {
    return ids.length ? { ok: true, data: ids } : { ok: false, error: UPLOAD_FAILED };
  }
  return { ok: true, data: ids };
}

function pickH5(max: number): Promise<File[]> {
  let input = document.getElementById(PHOTO_INPUT_ID) as HTMLInputElement | null;
  if (!input) {
    input = document.createElement('input');
    input.id = PHOTO_INPUT_ID;
    input.type = 'file';
    input.accept = 'image/*';
    input.style.display = 'none';
    document.body.appendChild(input);
  }
  const el = input;
  el.multiple = max > 1;
  el.value = '';
  return new Promise((resolve) => {
    el.onchange = () => resolve(Array.from(el.files ?? []).slice(0, max));
    el.oncancel = () => resolve([]);
    el.click();
  });
}

async function uploadH5(max: number): Promise<Reply<string[]> | null> {
  const files = await pickH5(max);
  if (files.length === 0) return null;
  if (files.some((f) => f.size > MAX_BYTES)) return { ok: false, error: TOO_BIG };
  const ids: string[] = [];
  for (const file of files) {
    try {
      const res = await fetch(`/__upload?name=photo.${extOf(file.name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      });
      const json = (await res.json()) as Reply<{ fileId: string }>;
      if (json?.ok !== true) return { ok: false, error: json?.ok === false ? json.error : UPLOAD_FAILED };
      ids.push(json.data.fileId);
    } catch {
      return { ok: false, error: NETWORK_ERROR };
    }
  }
  return { ok: true, data: ids };
}

/** Lets the user pick up to `max` photos and uploads them (weapp: into cloud storage's `folder`). null: the user cancelled. */
export function uploadPhotos(max: number, folder = 'vote'): Promise<Reply<string[]> | null> {
  return process.env.TARO_ENV === 'weapp' ? uploadWeapp(max, folder) : uploadH5(max);
}
