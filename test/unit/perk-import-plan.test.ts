// The perk import's plan (server/features/perk/import-plan.ts), pure: rows and what is stored in,
// outcomes, texts to check and what to write out.
import type { RoleGrantT } from '../../contracts/common';
import type { NodeDoc } from '../../server/domain/docs';
import type { PartnerDoc, PerkDoc } from '../../server/features/perk/docs';
import { PERK_COLUMNS, type PerkColumnKey } from '../../server/features/perk/columns';
import { parseRow, type Raw } from '../../server/features/perk/import-parse';
import { checkEntries, partnerNamesOf, planImport, scopeNamesOf, writeUnits, type Stored } from '../../server/features/perk/import-plan';

const NOW = Date.UTC(2026, 10, 25);
const GRANT: RoleGrantT = { role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' };
const C1 = { _id: 'c1', level: 'community', name: '幸福里社区', at: { district: 'yt', street: 's1', community: 'c1' } } as unknown as NodeDoc;

let rowNo = 1;
const raw = (cells: Partial<Record<PerkColumnKey, string>>): Raw => {
  const r = { row: ++rowNo } as Raw;
  for (const c of PERK_COLUMNS) (r as Record<string, unknown>)[c.key] = cells[c.key] ?? '';
  return r;
};
const shop = { name: '向阳花店', category: '购物', address: '岳塘区向阳路10号', lat: '27.8591', lng: '112.9544', hours: '每天 08:00-20:00', phone: '0731-58109999' };
const perk = (title: string) => ({ title, description: `${title}，凭码使用`, eligibility: '三长', validFrom: '2026-11-01', validTo: '2027-10-31', limit: '每月1次' });
const empty: Stored = { partners: [], scopes: new Map(), primaryNode: C1, perks: [] };

describe('perk import plan', () => {
  it('plans a new partner with its perks as one unit, after checking every new text', () => {
    const parsed = [raw({ ...shop, ...perk('鲜花九折') }), raw({ name: '向阳花店', ...perk('节日立减') })].map(parseRow);
    expect(partnerNamesOf(parsed)).toEqual(['向阳花店']);
    const plan = planImport(parsed, empty, [GRANT], NOW);
    expect([...plan.outcomes.values()].map((o) => o.status)).toEqual(['added', 'added']);
    expect(checkEntries(plan).map((e) => e.text)).toEqual([expect.stringContaining('向阳花店'), '鲜花九折 鲜花九折，凭码使用', '节日立减 节日立减，凭码使用']);
    const units = writeUnits(plan);
    expect(units).toHaveLength(1);
    expect(units[0].partner).toMatchObject({ name: '向阳花店', scopeId: 'c1', at: { community: 'c1' } });
    expect(units[0].propagate).toBe(false);
    expect(units[0].perks.map((k) => [k.title, k.partnerId])).toEqual([
      ['鲜花九折', units[0].partner!._id],
      ['节日立减', units[0].partner!._id],
    ]);
  });

  it('writes nothing for what is stored as it is, and propagates a stored partner that changed', () => {
    const first = planImport([raw({ ...shop, ...perk('鲜花九折') })].map(parseRow), empty, [GRANT], NOW);
    const [unit] = writeUnits(first);
    const stored: Stored = { ...empty, partners: [unit.partner as PartnerDoc], perks: unit.perks as PerkDoc[] };
    const same = planImport([raw({ ...shop, ...perk('鲜花九折') })].map(parseRow), stored, [GRANT], NOW + 1);
    expect([...same.outcomes.values()].map((o) => o.status)).toEqual(['unchanged']);
    expect(checkEntries(same)).toEqual([]);
    expect(writeUnits(same)).toEqual([]);

    const changed = planImport([raw({ ...shop, hours: '每天 09:00-21:00', ...perk('鲜花九折') })].map(parseRow), stored, [GRANT], NOW + 1);
    expect([...changed.outcomes.values()][0]).toMatchObject({ status: 'changed', reason: expect.stringContaining('营业时间') });
    expect(writeUnits(changed)).toEqual([{ partner: expect.objectContaining({ _id: unit.partner!._id, hours: '每天 09:00-21:00' }), propagate: true, perks: [] }]);
  });

  it('refuses a partner kept by another scope, an unknown 服务范围, and a row whose text the checker flags', () => {
    const theirs = { _id: 'p9', name: '仁和大药房', scopeName: '建设路街道', at: { district: 'yt', street: 's2' } } as unknown as PartnerDoc;
    const parsed = [raw({ name: '仁和大药房', ...perk('九五折') }), raw({ ...shop, name: '远方小店', scope: '不存在社区', ...perk('八折') }), raw({ ...shop, ...perk('兼职日结') })].map(parseRow);
    expect([...scopeNamesOf(parsed)]).toEqual(['不存在社区']);
    const plan = planImport(parsed, { ...empty, partners: [theirs], scopes: new Map([['不存在社区', '服务范围“不存在社区”不存在或不在您的管理范围内']]) }, [GRANT], NOW);
    const entries = checkEntries(plan);
    entries.find((e) => e.text.startsWith('兼职日结'))!.fail('广告');
    const outcomes = [...plan.outcomes.values()].sort((a, b) => a.row - b.row);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(outcomes[0].reason).toContain('由建设路街道管理');
    expect(outcomes[1].reason).toContain('不存在社区');
    expect(outcomes[2].reason).toContain('广告');
    // A refused row writes nothing, not even its (new) partner.
    expect(writeUnits(plan)).toEqual([]);
  });
});
