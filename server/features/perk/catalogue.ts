// The catalogue: every active perk of every active partner with what the list shows of its
// partner, in ONE document (`perkcatalog/current`), so 优惠 opens the same way however it is
// filtered or sorted. A district has a few hundred perks (岳塘: 60+ partners): ~100 KB, far
// below a document's limit. It is rebuilt from `partners` and `perks` after every change
// (a few reads and two writes — changes are rare, lists are many); perk.get and perk.verify
// read the perk itself, so a catalogue a moment old never lets anything through.
//
// Reading it: `perkcatalog/head` holds the body's revision. A list reads the head (a few
// bytes); the parsed body is kept per store (one per cloud container) and read again only
// when the head names a newer revision. So a list costs the caller's user document + the
// head, and the body once per change per container.
import {
  CATEGORY_LABELS,
  PERK_CATEGORIES,
  type EligibilityT,
  type LocationT,
  type PerkCardT,
  type PerkCategoryT,
  type PerkListItemT,
} from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { readAll } from '../../domain/nodes';
import { cmd, StoreError, type Store } from '../../store/port';
import type { UserDoc } from '../account/users';
import {
  C,
  categoryLabel,
  eligibilityFor,
  eligibilityOf,
  forWhom,
  isHonoree,
  leadRoles,
  limitText,
  partnerInfo,
  periodProblem,
  type PartnerDoc,
  type PerkDoc,
  type PerkLimitT,
} from './docs';

export const CATALOGUE_ID = 'current';
/** The body's revision alone: what a list reads to know its parsed copy is current. */
export const HEAD_ID = 'head';
export const REV_ID = 'rev';

export interface CataloguePartner {
  name: string;
  category: PerkCategoryT;
  address: string;
  location: LocationT;
  hours: string;
  phone: string;
  logo?: string;
}

export interface CataloguePerk {
  id: string;
  partnerId: string;
  title: string;
  description: string;
  eligibility: EligibilityT[];
  validFrom: number;
  validTo: number;
  limit: PerkLimitT;
}

export interface CatalogueDoc extends CatalogueBody {
  _id: string;
  [field: string]: unknown;
}

export interface CatalogueBody {
  rev: number;
  builtAt: number;
  partners: Record<string, CataloguePartner>;
  /** In the default order: category, then partner name (拼音), then the partner's own order. */
  perks: CataloguePerk[];
}

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
const categoryIndex = (c: PerkCategoryT) => PERK_CATEGORIES.indexOf(c);

/** The catalogue of `partners` and `perks` as of `now` (ended perks left out). */
export function buildCatalogue(partners: PartnerDoc[], perks: PerkDoc[], rev: number, now: number): CatalogueBody {
  const active = new Map(partners.filter((p) => p.status === 'active').map((p) => [p._id, p]));
  const listed = perks
    .filter((k) => k.status === 'active' && k.validTo >= now && active.has(k.partnerId))
    .sort((a, b) => {
      const pa = active.get(a.partnerId) as PartnerDoc;
      const pb = active.get(b.partnerId) as PartnerDoc;
      return (
        categoryIndex(pa.category) - categoryIndex(pb.category) ||
        collator.compare(pa.name, pb.name) ||
        a.partnerId.localeCompare(b.partnerId) ||
        a.order - b.order ||
        a._id.localeCompare(b._id)
      );
    });
  const used = new Set(listed.map((k) => k.partnerId));
  const out: Record<string, CataloguePartner> = {};
  for (const p of active.values()) {
    if (!used.has(p._id)) continue;
    out[p._id] = {
      name: p.name,
      category: p.category,
      address: p.address,
      location: p.location,
      hours: p.hours,
      phone: p.phone,
      ...(p.logo ? { logo: p.logo } : {}),
    };
  }
  return {
    rev,
    builtAt: now,
    partners: out,
    perks: listed.map((k) => ({
      id: k._id,
      partnerId: k.partnerId,
      title: k.title,
      description: k.description,
      eligibility: k.eligibility,
      validFrom: k.validFrom,
      validTo: k.validTo,
      limit: k.limit,
    })),
  };
}

/**
 * Rebuilds the catalogue after a change. Concurrent rebuilds cannot leave an older one in
 * place: each change bumps a revision first; a rebuild reads the revision, then the data
 * (which holds every change up to that revision), and writes only over an older revision.
 * The body and its small head (the revision alone) are written in one transaction.
 */
export async function rebuildCatalogue(ctx: Pick<Ctx, 'store' | 'clock'>): Promise<void> {
  const col = ctx.store.collection(C.catalogue);
  if (!(await col.doc(REV_ID).update({ n: cmd.inc(1) }))) {
    try {
      await col.add({ _id: REV_ID, n: 1 });
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'CONFLICT')) throw e;
      await col.doc(REV_ID).update({ n: cmd.inc(1) });
    }
  }
  const rev = ((await col.doc(REV_ID).get())?.n as number) ?? 1;
  const [partners, perks] = await Promise.all([
    readAll<PartnerDoc>(ctx.store.collection(C.partners).where({ status: 'active' }).orderBy('_id', 'asc')),
    readAll<PerkDoc>(ctx.store.collection(C.perks).where({ status: 'active' }).orderBy('_id', 'asc')),
  ]);
  const doc = buildCatalogue(partners, perks, rev, ctx.clock.now());
  await ctx.store.transaction(async (tx) => {
    const head = tx.collection(C.catalogue).doc(HEAD_ID);
    const current = await head.get();
    if (current && (current.rev as number) >= rev) return;
    await tx.collection(C.catalogue).doc(CATALOGUE_ID).set({ ...doc });
    await head.set({ rev });
  });
}

// ---------------------------------------------------------------- reading it

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
 * A number that orders distances from `a` like the true ones within a city (equirectangular,
 * squared: no trigonometry per perk); the page's rows then get their haversine metres.
 */
function flatDistance2(a: LocationT, cosLat: number, b: LocationT): number {
  const x = (b.lng - a.lng) * cosLat;
  const y = b.lat - a.lat;
  return x * x + y * y;
}


/** A catalogue entry with what every list reply derives from it worked out once. */
interface Prepared {
  k: CataloguePerk;
  category: PerkCategoryT;
  categoryIndex: number;
  location: LocationT;
  /** The row's fields that do not depend on the caller. */
  row: Omit<PerkListItemT, 'eligible' | 'reason' | 'distanceM'>;
  /** Title, description, partner name and address, lower-cased, for the keyword search. */
  search: string;
  /** Who may use it, as a key (perks with the same rule share one eligibility check per call). */
  rule: string;
  /** 12月25日起可用 / 已于…结束: formatted once (Beijing dates cost a time-zone conversion). */
  notYet: string;
  ended: string;
}

interface Loaded {
  rev: number;
  items: Prepared[];
}

/** The parsed catalogue per store (one per runtime, or per cloud container), by revision. */
const loaded = new WeakMap<Store, Loaded>();

function prepare(cat: CatalogueDoc): Loaded {
  const items: Prepared[] = [];
  for (const k of cat.perks) {
    const p = cat.partners[k.partnerId];
    if (!p) continue;
    items.push({
      k,
      category: p.category,
      categoryIndex: categoryIndex(p.category),
      location: p.location,
      row: {
        id: k.id,
        title: k.title,
        forWhom: forWhom(k.eligibility),
        limitText: limitText(k.limit),
        validFrom: k.validFrom,
        validTo: k.validTo,
        partnerId: k.partnerId,
        partnerName: p.name,
        category: p.category,
        address: p.address,
        ...(p.logo ? { logo: p.logo } : {}),
      },
      search: [k.title, k.description, p.name, p.address].join('\n').toLowerCase(),
      rule: k.eligibility.join(','),
      notYet: periodProblem(k.validFrom, k.validTo, k.validFrom - 1) as string,
      ended: periodProblem(k.validFrom, k.validTo, k.validTo + 1) as string,
    });
  }
  return { rev: cat.rev, items };
}

/**
 * The catalogue: one read of its head (a few bytes) tells whether the copy this container
 * already parsed is current; only after a change is the body read (and parsed) again.
 */
async function loadCatalogue(store: Store): Promise<Loaded | null> {
  const col = store.collection(C.catalogue);
  const head = await col.doc(HEAD_ID).get();
  if (!head) return null;
  const hit = loaded.get(store);
  if (hit && hit.rev === head.rev) return hit;
  const body = (await col.doc(CATALOGUE_ID).get()) as CatalogueDoc | null;
  if (!body) return null;
  const fresh = prepare(body);
  loaded.set(store, fresh);
  return fresh;
}

/** Why a caller cannot use a perk now: their role first, then the period; undefined if they can. */
const whyNot = (k: CataloguePerk, who: { reason?: string }, now: number) => who.reason ?? periodProblem(k.validFrom, k.validTo, now) ?? undefined;

function listItem(it: Prepared, who: { reason?: string }, now: number, distance?: number): PerkListItemT {
  const reason = who.reason ?? (now < it.k.validFrom ? it.notYet : now > it.k.validTo ? it.ended : undefined);
  return {
    ...it.row,
    ...(distance !== undefined ? { distanceM: Math.round(distance) } : {}),
    eligible: !reason,
    ...(reason ? { reason } : {}),
  };
}

/** One perk (from its own document and its partner's) with its partner, for `user`. */
export function perkCard(k: CataloguePerk, partner: CataloguePartner, user: UserDoc | null, now: number): PerkCardT {
  const reason = whyNot(k, eligibilityOf(k.eligibility, user), now);
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
 * its location and sorts by distance instead.) Cards are made for the returned page only.
 */
export async function listCatalogue(store: Store, user: UserDoc | null, q: ListQuery, now: number) {
  const cat = await loadCatalogue(store);
  const items = cat?.items ?? [];
  const here = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
  const sort = q.sort === 'distance' && here ? 'distance' : 'default';
  const keyword = q.keyword?.toLowerCase();
  const roles = leadRoles(user);
  const honoree = isHonoree(user);
  const cosLat = here ? Math.cos(rad(here.lat)) : 1;

  // One pass over the catalogue; perks sharing a rule share one eligibility check.
  const counts = new Array<number>(PERK_CATEGORIES.length).fill(0);
  const rules = new Map<string, { eligible: boolean; reason?: string }>();
  const who: { eligible: boolean; reason?: string }[] = [];
  const open: number[] = [];
  const closed: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.k.validTo < now) continue;
    if (keyword && !it.search.includes(keyword)) continue;
    counts[it.categoryIndex]++;
    if (q.category && it.category !== q.category) continue;
    let w = rules.get(it.rule);
    if (!w) rules.set(it.rule, (w = eligibilityFor(it.k.eligibility, roles, honoree)));
    who[i] = w;
    (w.eligible && now >= it.k.validFrom ? open : closed).push(i);
  }
  const total = open.length + closed.length;
  const start = (q.page - 1) * q.pageSize;
  let page: number[];
  if (sort === 'distance' && here) {
    const all = [...open, ...closed];
    const d = new Float64Array(items.length);
    for (const i of all) d[i] = flatDistance2(here, cosLat, items[i].location);
    page = nearest(all, d, start + q.pageSize).slice(start);
  } else {
    // What the caller can use first, each part in the catalogue's order.
    page = (start + q.pageSize <= open.length ? open : [...open, ...closed]).slice(start, start + q.pageSize);
  }
  return {
    items: page.map((i) => listItem(items[i], who[i], now, here ? distanceM(here, items[i].location) : undefined)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    sort,
    categories: PERK_CATEGORIES.map((c, i) => ({ category: c, label: CATEGORY_LABELS[c], count: counts[i] })),
  } as const;
}

/** The `k` indexes of smallest `d`, in order (a bounded insertion: pages are short, the catalogue is not). */
function nearest(indexes: number[], d: Float64Array, k: number): number[] {
  if (k >= indexes.length / 4) return [...indexes].sort((a, b) => d[a] - d[b] || a - b).slice(0, k);
  const best: number[] = [];
  for (const i of indexes) {
    if (best.length === k && d[i] >= d[best[k - 1]]) continue;
    let j = best.length === k ? k - 1 : best.length;
    while (j > 0 && d[best[j - 1]] > d[i]) {
      best[j] = best[j - 1];
      j--;
    }
    best[j] = i;
  }
  return best;
}
