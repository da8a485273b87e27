// The catalogue prepared for lists (catalogue.ts builds it): parsed once per revision and
// store, its spans of time, and each profile's ordered rows (catalogue-list.ts pages them).
import {
  PERK_CATEGORIES,
  type EligibilityT,
  type LocationT,
  type PerkCategoryCountsT,
  type PerkListItemT,
  type PerkListPartnerT,
} from '../../../contracts/perk';
import { LEADS, type Role } from '../../../contracts/roles';
import type { Store } from '../../store/port';
import type { UserDoc } from '../../domain/users';
import { C, eligibilityFor, isHonoree, limitText, periodProblem } from './docs';
import { categoryIndex, type CatalogueDoc, type CatalogueStoreDoc, CATALOGUE_ID, HEAD_ID } from './catalogue';

// A list reply is mostly the same for everyone: what changes it is the catalogue (its
// revision), the time (a perk starting or ending), who asks (only their 三长 roles and
// whether they are a 最美邻长: at most 16 profiles) and the query. So per revision the
// catalogue is prepared once; per span of time in which no perk starts or ends, and per
// profile, every category's rows are ordered once; a category page in the default order is
// then a slice, and its whole reply is kept (bounded) until the revision or the span changes.
// By distance, the distances are worked out per partner (a few dozen), not per perk, and the
// nearest partners' perks are walked until the page is full. A keyword search scans.

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
export interface ListedPartner {
  id: string;
  location: LocationT;
  categoryIndex: number;
  /** Its entry in a reply's `partners` (without a distance): shared, frozen. */
  info: PerkListPartnerT;
}

/** A catalogue entry with what every list reply derives from it worked out once. */
export interface ListedPerk {
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
export const ENDED = 0;
export const OPEN = 1;
export const NOT_YET = 2;

/** The lists of a profile: one per category (PERK_CATEGORIES order), then all categories. */
export const ALL = PERK_CATEGORIES.length;

/** What one profile sees in a span. */
export interface View {
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
export interface Span {
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

export interface Loaded {
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
export const MAX_REPLIES = 512;

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

export async function loadCatalogue(store: Store): Promise<Loaded | null> {
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

export const countsOf = (n: ArrayLike<number>) => Object.fromEntries(PERK_CATEGORIES.map((c, i) => [c, n[i]])) as PerkCategoryCountsT;

/** The span `now` falls in: kept until `now` leaves it (a perk starts or ends). */
export function spanAt(cat: Loaded, now: number): Span {
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

export function profileOf(user: UserDoc | null): number {
  let bits = 0;
  for (const g of user?.grants ?? []) bits |= LEAD_BITS.get(g.role) ?? 0;
  return isHonoree(user) ? bits | HONOREE_BIT : bits;
}

/** What `profile` sees in `span`: worked out once per span and profile. */
export function viewOf(cat: Loaded, span: Span, profile: number): View {
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
