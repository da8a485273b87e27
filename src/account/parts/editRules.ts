// What 修改 sends: only what changed; a new phone only with consent; an emptied phone field deletes it.
import { PHONE_RE } from '../../../contracts/rules';
import type { Input } from '../../api/client';
import { cleanPhone, MSG, PEOPLE_MAX, PEOPLE_MIN } from '../../utils/formRules';
import type { MyHousehold } from './visitItems';

export interface EditDraft {
  people: number;
  phone: string;
  consent: boolean;
}

export type UpdateInput = Input<'household', 'update'>;

/** A phone that differs from the stored one needs the consent box. */
export function phoneChanged(h: MyHousehold, phone: string): boolean {
  const next = cleanPhone(phone);
  return next !== '' && next !== (h.phone ?? '');
}

export function checkEdit(h: MyHousehold, d: EditDraft): { ok: true; input: UpdateInput | null } | { ok: false; message: string } {
  if (!Number.isInteger(d.people) || d.people < PEOPLE_MIN || d.people > PEOPLE_MAX) return { ok: false, message: MSG.people };
  const input: UpdateInput = {};
  if (d.people !== h.people) input.people = d.people;
  const phone = cleanPhone(d.phone);
  if (phone === '' && h.phone) input.clearPhone = true;
  else if (phoneChanged(h, phone)) {
    if (!PHONE_RE.test(phone)) return { ok: false, message: MSG.phone };
    if (!d.consent) return { ok: false, message: MSG.phoneConsent };
    Object.assign(input, { phone, phoneConsent: true });
  }
  return { ok: true, input: Object.keys(input).length > 0 ? input : null };
}
