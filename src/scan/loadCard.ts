// What the scan page shows for a scanned 邻长联系卡. Placeholder until the card feature's
// `card.get` exists: today it only checks the scene and that the service answers.
import type { Reply } from '../../contracts';
import { call } from '../api/client';

export interface ScannedCard {
  /** The unit code carried by the card's `scene`. */
  unitCode: string;
}

// wxacode.getUnlimited scene: ≤ 32 visible characters of this set.
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export async function loadCard(scene: string): Promise<Reply<ScannedCard>> {
  if (!SCENE.test(scene)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: '没有识别到联系卡编号，请重新扫描邻长联系卡' } };
  }
  const reply = await call('account', 'ping', {});
  if (!reply.ok) return reply;
  return { ok: true, data: { unitCode: scene } };
}
