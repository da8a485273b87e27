// perk.list over the prepared catalogue (catalogue-index.ts): a page in the default order,
// by distance or by keyword, and one perk's card.
import {
  PERK_CATEGORIES,
  type LocationT,
  type PerkCardT,
  type PerkCategoryCountsT,
  type PerkCategoryT,
  type PerkListItemT,
  type PerkListPartnerT,
} from '../../../contracts/perk';
import type { Store } from '../../store/port';
import type { UserDoc } from '../../domain/users';
import { eligibilityOf, forWhom, limitText, partnerInfo, periodProblem } from './docs';
import { categoryIndex, type CataloguePartner, type CataloguePerk } from './catalogue';
import { ALL, countsOf, loadCatalogue, MAX_REPLIES, profileOf, spanAt, viewOf, type Loaded, type PerkListReply } from './catalogue-index';

const EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LocationT, b: LocationT): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The rows `[start, start + size)` by distance from `here`: the nearest partner's perks first
 * (each partner's in its list order), partners at the same distance in catalogue order.
 * Distances are per partner, and only the partners the page can reach are ranked: every
 * partner in `slots` has a listed perk, so those are among the `start + size` nearest.
 */
function nearestRows(
  cat: Loaded,
  slots: ArrayLike<number>,
  perksOf: ArrayLike<ArrayLike<number> | undefined>,
  here: LocationT,
  start: number,
  size: number,
): { rows: number[]; shown: number[] } {
  const n = slots.length;
  const { lat, lng } = cat;
  // A number that orders distances like the true ones within a city (equirectangular, squared:
  // no trigonometry per partner); the partners shown then get their haversine metres.
  const cosLat = Math.cos(rad(here.lat));
  const d = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const x = (lng[slots[j]] - here.lng) * cosLat;
    const y = lat[slots[j]] - here.lat;
    d[j] = x * x + y * y;
  }
  const reach = Math.min(n, start + size);
  let order: number[];
  if (reach > 128 && reach * 4 >= n) {
    order = Array.from({ length: n }, (_, j) => j).sort((a, b) => d[a] - d[b] || a - b);
  } else {
    // The `reach` nearest, by a bounded insertion (in position order, so ties keep it): for a
    // few dozen partners this is cheaper than a sort with a comparator.
    order = [];
    for (let j = 0; j < n; j++) {
      if (order.length === reach && d[j] >= d[order[reach - 1]]) continue;
      let at = order.length === reach ? reach - 1 : order.length;
      while (at > 0 && d[order[at - 1]] > d[j]) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = j;
    }
  }
  const rows: number[] = [];
  const shown: number[] = [];
  let skip = start;
  for (let r = 0; r < order.length && rows.length < size; r++) {
    const slot = slots[order[r]];
    const list = perksOf[slot] as ArrayLike<number>;
    if (skip >= list.length) {
      skip -= list.length;
      continue;
    }
    shown.push(slot);
    for (let k = skip; k < list.length && rows.length < size; k++) rows.push(list[k]);
    skip = 0;
  }
  return { rows, shown };
}

/** The reply `partners` for rows (their partners, once each). */
function partnersOfRows(cat: Loaded, rows: number[]): Record<string, PerkListPartnerT> {
  const out: Record<string, PerkListPartnerT> = {};
  for (const i of rows) {
    const p = cat.partners[cat.perks[i].partner];
    out[p.id] ??= p.info;
  }
  return out;
}

/** The same with each partner's distance from `here`, in metres (haversine). */
function partnersAt(cat: Loaded, shown: number[], here: LocationT): Record<string, PerkListPartnerT> {
  const out: Record<string, PerkListPartnerT> = {};
  for (const s of shown) {
    const p = cat.partners[s];
    out[p.id] = { name: p.info.name, category: p.info.category, distanceM: Math.round(distanceM(here, p.location)) };
  }
  return out;
}

const memoKey = (profile: number, category: number, page: number, pageSize: number) =>
  ((page * 64 + pageSize) * 16 + category) * 32 + profile;

const NO_COUNTS: PerkCategoryCountsT = Object.freeze(countsOf(new Array<number>(PERK_CATEGORIES.length).fill(0)));

/** One perk (from its own document and its partner's) with its partner, for `user`. */
export function perkCard(k: CataloguePerk, partner: CataloguePartner, user: UserDoc | null, now: number): PerkCardT {
  const who = eligibilityOf(k.eligibility, user);
  // Their role first, then the period.
  const reason = who.reason ?? periodProblem(k.validFrom, k.validTo, now) ?? undefined;
  return {
    id: k.id,
    title: k.title,
    forWhom: forWhom(k.eligibility),
    limitText: limitText(k.limit),
    validFrom: k.validFrom,
    validTo: k.validTo,
    eligible: !reason,
    ...(reason ? { reason } : {}),
    partner: partnerInfo(k.partnerId, partner),
  };
}

export interface ListQuery {
  category?: PerkCategoryT;
  keyword?: string;
  sort: 'default' | 'distance';
  lat?: number;
  lng?: number;
  page: number;
  pageSize: number;
}

/**
 * Filters, sorts and pages the catalogue in memory. Default order: what the caller can use
 * first, then category, partner (拼音) and the partner's own order. (Ordering by the caller's
 * 片 would need coordinates for 片, which the tree does not hold; with consent the page sends
 * its location and sorts by distance instead: nearest partner first, and a partner's perks
 * in the default order.) Rows name their partner; the reply's `partners` holds each once.
 */
export async function listCatalogue(store: Store, user: UserDoc | null, q: ListQuery, now: number): Promise<PerkListReply> {
  const cat = await loadCatalogue(store);
  const here = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
  const sort = here && q.sort === 'distance' ? 'distance' : 'default';
  const paging = { page: q.page, pageSize: q.pageSize, sort } as const;
  if (!cat) return { items: [], partners: {}, total: 0, ...paging, counts: NO_COUNTS };
  const span = spanAt(cat, now);
  const profile = profileOf(user);
  const c = q.category ? categoryIndex(q.category) : ALL;
  const start = (q.page - 1) * q.pageSize;
  const keyword = q.keyword?.toLowerCase();

  if (!keyword) {
    if (!here || sort === 'default') {
      // The same for every caller of this profile until the catalogue changes or a perk starts or ends.
      const key = memoKey(profile, c, q.page, q.pageSize);
      const hit = span.replies.get(key);
      if (hit) return hit;
      const view = viewOf(cat, span, profile);
      const list = view.lists[c];
      const rows = Array.from(list.subarray(Math.min(start, list.length), Math.min(start + q.pageSize, list.length)));
      const reply: PerkListReply = Object.freeze({
        items: Object.freeze(rows.map((i) => view.rows[i] as PerkListItemT)) as PerkListItemT[],
        partners: Object.freeze(partnersOfRows(cat, rows)),
        total: list.length,
        ...paging,
        counts: span.counts,
      });
      if (span.replies.size >= MAX_REPLIES) span.replies.delete(span.replies.keys().next().value as number);
      span.replies.set(key, reply);
      return reply;
    }
    const view = viewOf(cat, span, profile);
    const near = nearestRows(cat, view.partnersIn[c], view.ofPartner, here, start, q.pageSize);
    return {
      items: near.rows.map((i) => view.rows[i] as PerkListItemT),
      partners: partnersAt(cat, near.shown, here),
      total: view.lists[c].length,
      ...paging,
      counts: span.counts,
    };
  }

  // A keyword: one pass over the catalogue (the counts are of what matches).
  const view = viewOf(cat, span, profile);
  const counts = new Array<number>(PERK_CATEGORIES.length).fill(0);
  const open: number[] = [];
  const closed: number[] = [];
  for (let i = 0; i < cat.perks.length; i++) {
    const row = view.rows[i];
    if (!row) continue;
    const k = cat.perks[i];
    if (!k.search.includes(keyword)) continue;
    counts[k.categoryIndex]++;
    if (c !== ALL && k.categoryIndex !== c) continue;
    (row.reason === undefined ? open : closed).push(i);
  }
  const list = open.concat(closed);
  const base = { total: list.length, ...paging, counts: countsOf(counts) };
  if (!here || sort === 'default') {
    const rows = list.slice(start, start + q.pageSize);
    return { items: rows.map((i) => view.rows[i] as PerkListItemT), partners: partnersOfRows(cat, rows), ...base };
  }
  const byPartner: number[][] = [];
  for (const i of list) (byPartner[cat.perks[i].partner] ??= []).push(i);
  const slots: number[] = [];
  for (let s = 0; s < cat.partners.length; s++) if (byPartner[s]) slots.push(s);
  const near = nearestRows(cat, slots, byPartner, here, start, q.pageSize);
  return { items: near.rows.map((i) => view.rows[i] as PerkListItemT), partners: partnersAt(cat, near.shown, here), ...base };
}
