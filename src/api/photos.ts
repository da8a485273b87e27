// Photos (a nomination's, a campaign cover, a 三长's portrait): pick from the album or take one, then upload.
// weapp: chooseImage (compressed) + cloud storage; h5 (local dev server): ./upload.
import Taro from '@tarojs/taro';
import type { AppErrorBody, Reply } from '../../contracts';
import { isCancel, pickH5, postH5 } from './upload';

/** The id of the hidden image input on H5 (tests fill it through the file chooser). */
export const PHOTO_INPUT_ID = 'lzt-photo-input';

const UPLOAD_FAILED: AppErrorBody = { code: 'INTERNAL', message: '照片上传失败，请重试' };
const TOO_BIG: AppErrorBody = { code: 'INVALID_INPUT', message: '照片太大了（超过 10MB），请换一张' };
const MAX_BYTES = 10 * 1024 * 1024;

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

async function uploadH5(max: number): Promise<Reply<string[]> | null> {
  const files = await pickH5(PHOTO_INPUT_ID, 'image/*', max);
  if (files.length === 0) return null;
  if (files.some((f) => f.size > MAX_BYTES)) return { ok: false, error: TOO_BIG };
  const ids: string[] = [];
  for (const file of files) {
    const res = await postH5(file, `photo.${extOf(file.name)}`, UPLOAD_FAILED);
    if (!res.ok) return res;
    ids.push(res.data.fileId);
  }
  return { ok: true, data: ids };
}

/**
 * Lets the user pick up to `max` photos and uploads them (weapp: into cloud storage's `folder`). null: the user cancelled.
 * The storage rule lets everyone read `pub/…` (what a 管理员 publishes at once: portraits, shop photos, covers); any other
 * folder is readable by its uploader and the functions only (nomination photos before review).
 */
export function uploadPhotos(max: number, folder = 'vote'): Promise<Reply<string[]> | null> {
  return process.env.TARO_ENV === 'weapp' ? uploadWeapp(max, folder) : uploadH5(max);
}
