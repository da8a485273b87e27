// What the bind form sends, checked first in Chinese. A phone goes out only with consent.
import { PHONE_RE, ROOM_RE } from '../../contracts/rules';
import type { Input } from '../api/client';
import { cleanPhone, MSG, PEOPLE_MAX, PEOPLE_MIN } from '../utils/formRules';

export interface BindDraft {
  building: string;
  room: string;
  people: number;
  phone: string;
  consent: boolean;
}

export type BindInput = Input<'card', 'bind'>;

export function checkBind(unitId: string, buildings: string[], d: BindDraft): { ok: true; input: BindInput } | { ok: false; message: string } {
  if (!buildings.includes(d.building)) return { ok: false, message: MSG.building };
  const room = d.room.trim().toUpperCase();
  if (!room) return { ok: false, message: MSG.roomMissing };
  if (!ROOM_RE.test(room)) return { ok: false, message: MSG.room };
  if (!Number.isInteger(d.people) || d.people < PEOPLE_MIN || d.people > PEOPLE_MAX) return { ok: false, message: MSG.people };
  const phone = cleanPhone(d.phone);
  if (phone && !PHONE_RE.test(phone)) return { ok: false, message: MSG.phone };
  if (phone && !d.consent) return { ok: false, message: MSG.phoneConsent };
  const input: BindInput = { unitId, building: d.building, room, people: d.people };
  if (phone) Object.assign(input, { phone, phoneConsent: true });
  return { ok: true, input };
}
