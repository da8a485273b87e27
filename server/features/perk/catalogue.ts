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
  PERK_CATEGORIES,
  type EligibilityT,
  type LocationT,
  type PerkCardT,
  type PerkCategoryCountsT,
  type PerkCategoryT,
  type PerkListItemT,
  type PerkListPartnerT,
} from '../../../contracts/perk';
import { LEADS, type Role } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { readAll } from '../../domain/nodes';
import { cmd, StoreError, type Store } from '../../store/port';
import type { UserDoc } from '../../domain/users';
import {
  C,
  eligibilityFor,
  eligibilityOf,
  forWhom,
  isHonoree,
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
}

/**
 * What the perkcatalog collection holds: the body (`current`, a CatalogueDoc), its head
 * (`head`: the revision written, one small read) and the revision counter (`rev`: n).
 */
export type CatalogueStoreDoc = { _id: string; n?: number } & Partial<CatalogueBody>;

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
// A list reply is mostly the same for everyone: what changes it is the catalogue (its
// revision), the time (a perk starting or ending), who asks (only their 三长 roles and
// whether they are a 最美邻长: at most 16 profiles) and the query. So per revision the
// catalogue is prepared once; per span of time in which no perk starts or ends, and per
// profile, every category's rows are ordered once; a category page in the default order is
// then a slice, and its whole reply is kept (bounded) until the revision or the span changes.
// By distance, the distances are worked out per partner (a few dozen), not per perk, and the
// nearest partners' perks are walked until the page is full. A keyword search scans.

const EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LocationT, b: LocationT): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A list reply (the `perk.list` output). Kept replies are shared: frozen. */
export interface PerkListReply {
  items: PerkListItemT[];
  partners: Record<string, PerkListPartnerT>;
  total: number;
  page: number;
  pageSize: number;
  sort: 'default' | 'distance';
  counts: PerkCategoryCountsT;
}

/** A partner of the catalogue, with what every reply shows of it. */
interface ListedPartner {
  id: string;
  location: LocationT;
  categoryIndex: number;
  /** Its entry in a reply's `partners` (without a distance): shared, frozen. */
  info: PerkListPartnerT;
}

/** A catalogue entry with what every list reply derives from it worked out once. */
interface ListedPerk {
  /** Its partner's position in `Loaded.partners`. */
  partner: number;
  categoryIndex: number;
  validFrom: number;
  validTo: number;
  /** The row's fields that do not depend on the caller. */
  row: Readonly<Pick<PerkListItemT, 'id' | 'title' | 'limitText' | 'partnerId'>>;
  /** Title, description, partner name and address, lower-cased, for the keyword search. */
  search: string;
  /** Who may use it, as a position in `Loaded.rules` (one eligibility check per rule and profile). */
  rule: number;
  /** 12月25日起可用: formatted once (Beijing dates cost a time-zone conversion). */
  notYet: string;
}

/** Perk states within a span. */
const ENDED = 0;
const OPEN = 1;
const NOT_YET = 2;

/** The lists of a profile: one per category (PERK_CATEGORIES order), then all categories. */
const ALL = PERK_CATEGORIES.length;

/** What one profile sees in a span. */
interface View {
  /** Per perk, its row for this profile (undefined: ended). Shared, frozen. */
  rows: (PerkListItemT | undefined)[];
  /** Per category and ALL: the listed perks, what the profile can use first, each part in catalogue order. */
  lists: Int32Array[];
  /** Per partner: its listed perks in the same order. */
  ofPartner: Int32Array[];
  /** Per category and ALL: the partners with listed perks, in catalogue order. */
  partnersIn: Int32Array[];
}

/** A stretch of time [from, to) in which no perk starts or ends. */
interface Span {
  from: number;
  to: number;
  /** Per perk: ENDED, OPEN or NOT_YET. */
  state: Uint8Array;
  /** Listed perks per category (no keyword): the same for every profile. */
  counts: PerkCategoryCountsT;
  views: (View | undefined)[];
  /** Whole replies, default order, no keyword, by memoKey(). */
  replies: Map<number, PerkListReply>;
}

interface Loaded {
  rev: number;
  perks: ListedPerk[];
  /** In order of their first perk in the catalogue (category, then 拼音). */
  partners: ListedPartner[];
  /** Their coordinates, by position. */
  lat: Float64Array;
  lng: Float64Array;
  /** The distinct eligibility rules. */
  rules: EligibilityT[][];
  /** Every instant a perk starts (validFrom) or ends (validTo + 1), ascending, without repeats. */
  edges: number[];
  span: Span | null;
}

/** Kept replies per span (they are a few hundred bytes each; a span's profiles × categories × first pages fit). */
const MAX_REPLIES = 512;

/** The parsed catalogue per store (one per runtime, or per cloud container), by revision. */
const loaded = new WeakMap<Store, Loaded>();

function prepare(cat: CatalogueDoc): Loaded {
  const perks: ListedPerk[] = [];
  const partners: ListedPartner[] = [];
  const partnerAt = new Map<string, number>();
  const rules: EligibilityT[][] = [];
  const ruleAt = new Map<string, number>();
  const edges = new Set<number>();
  for (const k of cat.perks) {
    const p = cat.partners[k.partnerId];
    if (!p) continue;
    let slot = partnerAt.get(k.partnerId);
    if (slot === undefined) {
      slot = partners.length;
      partnerAt.set(k.partnerId, slot);
      const info: PerkListPartnerT = { name: p.name, category: p.category };
      partners.push({ id: k.partnerId, location: p.location, categoryIndex: categoryIndex(p.category), info: Object.freeze(info) });
    }
    const ruleKey = k.eligibility.join(',');
    let rule = ruleAt.get(ruleKey);
    if (rule === undefined) {
      rule = rules.length;
      ruleAt.set(ruleKey, rule);
      rules.push(k.eligibility);
    }
    edges.add(k.validFrom).add(k.validTo + 1);
    perks.push({
      partner: slot,
      categoryIndex: categoryIndex(p.category),
      validFrom: k.validFrom,
      validTo: k.validTo,
      row: Object.freeze({ id: k.id, title: k.title, limitText: limitText(k.limit), partnerId: k.partnerId }),
      search: [k.title, k.description, p.name, p.address].join('\n').toLowerCase(),
      rule,
      notYet: periodProblem(k.validFrom, k.validTo, k.validFrom - 1) as string,
    });
  }
  return {
    rev: cat.rev,
    perks,
    partners,
    lat: Float64Array.from(partners, (p) => p.location.lat),
    lng: Float64Array.from(partners, (p) => p.location.lng),
    rules,
    edges: [...edges].sort((a, b) => a - b),
    span: null,
  };
}

/**
 * The catalogue: one read of its head (a few bytes) tells whether the copy this container
 * already parsed is current; only after a change is the body read (and parsed) again.
 */
/** The `current` document is a whole body (its head and counter are not). */
const isBody = (d: CatalogueStoreDoc | null): d is CatalogueDoc => !!d && Array.isArray(d.perks) && typeof d.rev === 'number';

async function loadCatalogue(store: Store): Promise<Loaded | null> {
  const col = store.collection(C.catalogue);
  const head = await col.doc(HEAD_ID).get();
  if (!head) return null;
  const hit = loaded.get(store);
  if (hit && hit.rev === head.rev) return hit;
  const body = await col.doc(CATALOGUE_ID).get();
  if (!isBody(body)) return null;
  const fresh = prepare(body);
  loaded.set(store, fresh);
  return fresh;
}

const countsOf = (n: ArrayLike<number>) => Object.fromEntries(PERK_CATEGORIES.map((c, i) => [c, n[i]])) as PerkCategoryCountsT;

/** The span `now` falls in: kept until `now` leaves it (a perk starts or ends). */
function spanAt(cat: Loaded, now: number): Span {
  const kept = cat.span;
  if (kept && now >= kept.from && now < kept.to) return kept;
  const { edges, perks } = cat;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= now) lo = mid + 1;
    else hi = mid;
  }
  const state = new Uint8Array(perks.length);
  const counts = new Array<number>(PERK_CATEGORIES.length).fill(0);
  for (let i = 0; i < perks.length; i++) {
    const k = perks[i];
    state[i] = now > k.validTo ? ENDED : now < k.validFrom ? NOT_YET : OPEN;
    if (state[i] !== ENDED) counts[k.categoryIndex]++;
  }
  const span: Span = {
    from: lo > 0 ? edges[lo - 1] : -Infinity,
    to: lo < edges.length ? edges[lo] : Infinity,
    state,
    counts: Object.freeze(countsOf(counts)),
    views: [],
    replies: new Map(),
  };
  cat.span = span;
  return span;
}

// A profile: the caller's 三长 roles and whether they hold a 最美邻长 commendation, as bits.
const LEAD_BITS = new Map<string, number>(LEADS.map((r, i) => [r, 1 << i]));
const HONOREE_BIT = 1 << LEADS.length;

function profileOf(user: UserDoc | null): number {
  let bits = 0;
  for (const g of user?.grants ?? []) bits |= LEAD_BITS.get(g.role) ?? 0;
  return isHonoree(user) ? bits | HONOREE_BIT : bits;
}

/** What `profile` sees in `span`: worked out once per span and profile. */
function viewOf(cat: Loaded, span: Span, profile: number): View {
  const kept = span.views[profile];
  if (kept) return kept;
  const roles = new Set<Role>(LEADS.filter((r) => (profile & (LEAD_BITS.get(r) as number)) !== 0));
  const who = cat.rules.map((rule) => eligibilityFor(rule, roles, (profile & HONOREE_BIT) !== 0));
  const { perks, partners } = cat;
  const { state } = span;
  const rows: (PerkListItemT | undefined)[] = new Array(perks.length);
  const open = Array.from({ length: ALL + 1 }, () => [] as number[]);
  const closed = Array.from({ length: ALL + 1 }, () => [] as number[]);
  const openOf = partners.map(() => [] as number[]);
  const closedOf = partners.map(() => [] as number[]);
  for (let i = 0; i < perks.length; i++) {
    if (state[i] === ENDED) continue;
    const k = perks[i];
    // Their role first, then the period.
    const reason = who[k.rule].reason ?? (state[i] === NOT_YET ? k.notYet : undefined);
    rows[i] = Object.freeze(reason ? { ...k.row, reason } : k.row);
    const into = reason ? closed : open;
    into[k.categoryIndex].push(i);
    into[ALL].push(i);
    (reason ? closedOf : openOf)[k.partner].push(i);
  }
  const ofPartner = partners.map((_, s) => Int32Array.from([...openOf[s], ...closedOf[s]]));
  const partnersIn = Array.from({ length: ALL + 1 }, (_, c) =>
    Int32Array.from(partners.flatMap((p, s) => (ofPartner[s].length > 0 && (c === ALL || p.categoryIndex === c) ? [s] : []))),
  );
  const view: View = { rows, lists: open.map((o, c) => Int32Array.from([...o, ...closed[c]])), ofPartner, partnersIn };
  span.views[profile] = view;
  return view;
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

const memoKey = (profile: number, category: number, page: number, pageSize: number) => ((page * 64 + pageSize) * 16 + category) * 32 + profile;

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
