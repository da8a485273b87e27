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
// head, and the body once per change per container. Built here; read by catalogue-index.ts
// (the parsed, prepared copy) and catalogue-list.ts (perk.list's pages).
import { PERK_CATEGORIES, type PerkCategoryT } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { readAll } from '../../domain/nodes';
import { cmd, StoreError } from '../../store/port';
import { C, partnerPublicOf, perkFieldsOf, type PartnerDoc, type PartnerPublic, type PerkDoc, type PerkFields } from './docs';

export const CATALOGUE_ID = 'current';
/** The body's revision alone: what a list reads to know its parsed copy is current. */
export const HEAD_ID = 'head';
export const REV_ID = 'rev';

/** A partner as the catalogue carries it: its card's fields. */
export type CataloguePartner = PartnerPublic;

export interface CataloguePerk extends PerkFields {
  id: string;
  partnerId: string;
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
export const categoryIndex = (c: PerkCategoryT) => PERK_CATEGORIES.indexOf(c);

/** The catalogue of `partners` and `perks` as of `now` (ended perks left out). */
export function buildCatalogue(partners: PartnerDoc[], perks: PerkDoc[], rev: number, now: number): CatalogueBody {
  const active = new Map(partners.filter((p) => p.status === 'active').map((p) => [p._id, p]));
  // Each listed perk with its partner.
  const listed = perks
    .flatMap((perk) => {
      const partner = perk.status === 'active' && perk.validTo >= now ? active.get(perk.partnerId) : undefined;
      return partner ? [{ perk, partner }] : [];
    })
    .sort(({ perk: a, partner: pa }, { perk: b, partner: pb }) => {
      return (
        categoryIndex(pa.category) - categoryIndex(pb.category) ||
        collator.compare(pa.name, pb.name) ||
        a.partnerId.localeCompare(b.partnerId) ||
        a.order - b.order ||
        a._id.localeCompare(b._id)
      );
    });
  const used = new Set(listed.map(({ perk }) => perk.partnerId));
  const out: Record<string, CataloguePartner> = {};
  for (const p of active.values()) {
    if (!used.has(p._id)) continue;
    out[p._id] = partnerPublicOf(p);
  }
  return {
    rev,
    builtAt: now,
    partners: out,
    perks: listed.map(({ perk: k }) => ({ id: k._id, partnerId: k.partnerId, ...perkFieldsOf(k) })),
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
    await tx
      .collection(C.catalogue)
      .doc(CATALOGUE_ID)
      .set({ ...doc });
    await head.set({ rev });
  });
}
