// 扫一扫邻长联系卡 (weapp only): the card is a mini program code whose path carries `scene`.
import Taro from '@tarojs/taro';
import { decodeParam, pageUrl } from './pageUrl';

/** The still-encoded `scene` of a scanned path such as `scan/index?scene=U12`, or null. */
export function sceneFromScanned(text: string | undefined): string | null {
  if (!text) return null;
  const match = /[?&]scene=([^&#]+)/.exec(text);
  return match ? match[1] : null;
}

export async function scanLeadCard(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  let res: Taro.scanCode.SuccessCallbackResult;
  try {
    res = await Taro.scanCode({ onlyFromCamera: false });
  } catch {
    return; // the user closed the scanner
  }
  const scene = sceneFromScanned(res.path) ?? sceneFromScanned(res.result);
  if (!scene) {
    await Taro.showModal({
      title: '不是邻长联系卡',
      content: '请扫描门上或楼栋群里的邻长联系卡上的小程序码。',
      showCancel: false,
      confirmText: '知道了',
    });
    return;
  }
  await Taro.navigateTo({ url: pageUrl('scan/index', { scene: decodeParam(scene) }) });
}
