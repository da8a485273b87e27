// The SDK handles the CloudBase emulator (cloud-emulator.ts) hands out: a collection (its
// queries and plain writes), a document reference, and a transaction's collections, each
// one round trip an operation, with CloudBase's meaning of filters and patches.
import type { CloudEmulator, EmuTx } from './cloud-emulator';
import { clone, duplicateError, filterOf, missingDocError, patchOf } from './cloud-emulator-sdk';
import type { SdkCollection, SdkDocRef, SdkQuery, SdkTransaction, SdkTxCollection } from './cloud-sdk';
import { applyPatch } from './doc-patch';
import { hasId, MAX_LIMIT, withId, type AnyDoc, type Query } from './port';
import { newCloudId } from './cloud-translate';

/** An add's data as the database keeps it: a copy, with the `_id` it was given or one made (as the SDK does). */
function stored(data: Record<string, unknown>): AnyDoc {
  const copy = clone(data);
  return hasId(copy) ? copy : withId(copy, newCloudId());
}

// ---- plain operations ----
interface EmuQueryState {
  where?: unknown;
  order?: [string, string][];
  skip?: number;
  limit?: number;
  fields?: string[];
}

export class EmuCollection implements SdkCollection {
  constructor(
    private readonly emu: CloudEmulator,
    private readonly name: string,
    private readonly state: EmuQueryState,
  ) {}

  private with(change: EmuQueryState): EmuCollection {
    return new EmuCollection(this.emu, this.name, { ...this.state, ...change });
  }
  // where() replaces the previous condition, as in CloudBase.
  where(condition: unknown): SdkQuery {
    return this.with({ where: condition });
  }
  orderBy(field: string, direction: string): SdkQuery {
    return this.with({ order: [...(this.state.order ?? []), [field, direction]] });
  }
  skip(n: number): SdkQuery {
    return this.with({ skip: n });
  }
  limit(n: number): SdkQuery {
    return this.with({ limit: n });
  }
  field(projection: Record<string, boolean>): SdkQuery {
    return this.with({ fields: Object.keys(projection).filter((k) => projection[k]) });
  }

  private query(): Query {
    let q: Query = this.emu.sqlite.collection(this.name);
    if (this.state.where !== undefined) q = q.where(filterOf(this.state.where));
    for (const [f, d] of this.state.order ?? []) q = q.orderBy(f, d as 'asc' | 'desc');
    return q;
  }

  async get(): Promise<{ data: Record<string, unknown>[] }> {
    await this.emu.trip();
    let q = this.query();
    if (this.state.skip) q = q.skip(this.state.skip);
    q = q.limit(Math.min(this.state.limit ?? this.emu.pageLimit, this.emu.pageLimit));
    const rows = this.state.fields ? await q.field(this.state.fields).get() : await q.get();
    return { data: clone(rows) };
  }

  async count(): Promise<{ total: number }> {
    await this.emu.trip();
    return { total: await this.query().count() };
  }

  /** Every matching id, in _id order (a multi-document write is not atomic in CloudBase either). */
  private async ids(): Promise<string[]> {
    const ids: string[] = [];
    for (;;) {
      const page = await this.query().orderBy('_id', 'asc').skip(ids.length).limit(MAX_LIMIT).field(['_id']).get();
      ids.push(...page.map((d) => d._id));
      if (page.length < MAX_LIMIT) return ids;
    }
  }

  async update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }> {
    await this.emu.trip();
    const patch = patchOf(options.data);
    let updated = 0;
    for (const id of await this.ids()) {
      if (await this.emu.plainWrite(this.name, id, () => this.emu.sqlite.collection(this.name).doc(id).update(patch))) updated++;
    }
    return { stats: { updated } };
  }

  async remove(): Promise<{ stats: { removed: number } }> {
    await this.emu.trip();
    let removed = 0;
    for (const id of await this.ids()) {
      if (await this.emu.plainWrite(this.name, id, () => this.emu.sqlite.collection(this.name).doc(id).remove())) removed++;
    }
    return { stats: { removed } };
  }

  doc(id: string): SdkDocRef {
    return new EmuDocRef(this.emu, this.name, id);
  }

  async add(options: { data: Record<string, unknown> }): Promise<{ _id: string }> {
    await this.emu.trip();
    const data = stored(options.data);
    const id = data._id;
    await this.emu.unlocked(this.name, id);
    if (this.emu.current(this.name, id)) throw duplicateError(this.name, id);
    return { _id: await this.emu.plainWrite(this.name, id, () => this.emu.sqlite.collection(this.name).add(data)) };
  }
}

class EmuDocRef implements SdkDocRef {
  constructor(
    private readonly emu: CloudEmulator,
    private readonly collection: string,
    private readonly id: string,
  ) {}

  private get ref() {
    return this.emu.sqlite.collection(this.collection).doc(this.id);
  }

  async get(): Promise<{ data: Record<string, unknown> }> {
    await this.emu.trip();
    const doc = this.emu.current(this.collection, this.id);
    if (!doc) throw missingDocError(this.id);
    return { data: clone(doc) };
  }
  async set(options: { data: Record<string, unknown> }): Promise<unknown> {
    await this.emu.trip();
    const { _id: _ignored, ...data } = clone(options.data);
    await this.emu.plainWrite(this.collection, this.id, () => this.ref.set(data));
    return { _id: this.id };
  }
  async update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }> {
    await this.emu.trip();
    const patch = patchOf(options.data);
    const updated = await this.emu.plainWrite(this.collection, this.id, () => this.ref.update(patch));
    return { stats: { updated: updated ? 1 : 0 } };
  }
  async remove(): Promise<{ stats: { removed: number } }> {
    await this.emu.trip();
    const removed = await this.emu.plainWrite(this.collection, this.id, () => this.ref.remove());
    return { stats: { removed: removed ? 1 : 0 } };
  }
}

// ---- operations inside a transaction (single documents only, as in CloudBase) ----
export class EmuTransaction implements SdkTransaction {
  constructor(
    private readonly emu: CloudEmulator,
    private readonly tx: EmuTx,
  ) {}

  collection(name: string): SdkTxCollection {
    const { emu, tx } = this;
    const put = (id: string, doc: AnyDoc | null) => tx.put(name, id, doc);
    return {
      doc: (id: string): SdkDocRef => ({
        async get() {
          await emu.trip();
          const doc = emu.view(tx, name, id);
          if (!doc) throw missingDocError(id);
          return { data: clone(doc) };
        },
        async set(options) {
          await emu.trip();
          emu.claim(tx, name, id, 'document.set');
          const { _id: _ignored, ...data } = clone(options.data);
          put(id, { ...data, _id: id });
          return { _id: id };
        },
        async update(options) {
          await emu.trip();
          emu.claim(tx, name, id, 'document.update');
          const doc = emu.view(tx, name, id);
          if (!doc) return { stats: { updated: 0 } };
          put(id, applyPatch(doc, patchOf(options.data)));
          return { stats: { updated: 1 } };
        },
        async remove() {
          await emu.trip();
          emu.claim(tx, name, id, 'document.remove');
          const existed = emu.view(tx, name, id) !== null;
          put(id, null);
          return { stats: { removed: existed ? 1 : 0 } };
        },
      }),
      async add(options) {
        await emu.trip();
        const data = stored(options.data);
        emu.claim(tx, name, data._id, 'collection.add');
        if (emu.view(tx, name, data._id)) throw duplicateError(name, data._id);
        put(data._id, data);
        return { _id: data._id };
      },
    };
  }
}
