// Where the 三长 is, asked only when they tap 离我最近. weapp: wx.getLocation (gcj02), which
// WeChat holds until the 用户隐私保护指引 is agreed (PageShell's PrivacyPopup answers
// onNeedPrivacyAuthorization) and the location permission is given. h5: the browser's
// geolocation, converted from WGS-84 to GCJ-02 (the coordinates partners are stored in).
import Taro from '@tarojs/taro';

export interface Here {
  lat: number;
  lng: number;
}

export type LocateResult = { ok: true; here: Here } | { ok: false; message: string; canOpenSetting?: boolean };

const FALLBACK = '已按默认顺序排列。';

/** Kept for the session: switching tabs or searching does not ask again. */
let remembered: Here | null = null;

export function rememberedLocation(): Here | null {
  return remembered;
}

function weappFailure(e: unknown): LocateResult {
  const msg = String((e as { errMsg?: string })?.errMsg ?? e);
  const errno = (e as { errno?: number })?.errno;
  if (/privacy/i.test(msg) || errno === 104 || errno === 112) {
    return { ok: false, message: `您没有同意《用户隐私保护指引》，不能按距离排列，${FALLBACK}` };
  }
  if (/auth|deny|denied|permission/i.test(msg)) {
    return { ok: false, message: `您没有允许使用位置信息，${FALLBACK}如需按距离排列，请在设置中打开“位置信息”。`, canOpenSetting: true };
  }
  return { ok: false, message: `没有获取到您的位置（请打开手机的定位服务），${FALLBACK}` };
}

async function locateWeapp(): Promise<LocateResult> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, here: { lat: r.latitude, lng: r.longitude } };
  } catch (e) {
    return weappFailure(e);
  }
}

function locateH5(): Promise<LocateResult> {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geo) return Promise.resolve({ ok: false, message: `当前浏览器不能获取位置，${FALLBACK}` });
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ ok: true, here: wgs84ToGcj02(p.coords.latitude, p.coords.longitude) }),
      (err) =>
        resolve({
          ok: false,
          message: err.code === 1 ? `您没有允许使用位置信息，${FALLBACK}` : `没有获取到您的位置，${FALLBACK}`,
        }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 5 * 60_000 },
    );
  });
}

export async function locate(): Promise<LocateResult> {
  const r = process.env.TARO_ENV === 'weapp' ? await locateWeapp() : await locateH5();
  if (r.ok) remembered = r.here;
  return r;
}

export function openLocationSetting(): void {
  if (process.env.TARO_ENV === 'weapp') void Taro.openSetting({});
}

// ---- WGS-84 → GCJ-02 (the published approximation; identity outside China)

const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323 as a double

function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function tLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function tLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

export function wgs84ToGcj02(lat: number, lng: number): Here {
  if (outOfChina(lat, lng)) return { lat, lng };
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (tLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (tLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}
