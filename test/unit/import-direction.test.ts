// Dependencies point one way (issue 11). This test reads every import in contracts/, server/
// and src/ and fails on one that climbs a layer or crosses into another feature:
//
//   contracts                        imports nothing of ours (the middle everyone shares)
//   server/store                     the store port and its adapters (+ contracts)
//   server/core, server/domain,      the base: router, context, errors, time; tree documents,
//   server/deploy                    users and roles, grants; each function's settings table
//                                    (they use each other and the store)
//   server/features/<f>              one feature: the base, the store, contracts; never another feature
//   server/functions, runtime, dev, seed   the wiring on top: anything below
//   src/<subpackage>/ (has subpackage.ts)  its own files and the main package's shared code
//   src/ (everything else: pages, api, components, hooks, utils …)  never a subpackage's file
//                                    (only its subpackage.ts: the route table and page URLs)
//
// The one allowed exception: server/store/collections.ts maps each collection to its
// document type with `import type` only (erased at build); it types the port, nothing runs.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

type Layer = { name: string; rank: number; feature?: string; subpackage?: string };

function subpackages(): Set<string> {
  const src = path.join(ROOT, 'src');
  return new Set(fs.readdirSync(src).filter((d) => fs.existsSync(path.join(src, d, 'subpackage.ts'))));
}

export function layerOf(file: string, subs: Set<string>): Layer | null {
  const parts = file.split('/');
  if (parts[0] === 'contracts') return { name: 'contracts', rank: 0 };
  if (parts[0] === 'server') {
    const dir = parts[1];
    if (dir === 'store') return { name: 'store', rank: 1 };
    if (dir === 'core' || dir === 'domain' || dir === 'deploy') return { name: dir, rank: 2 };
    if (dir === 'features') return { name: `features/${parts[2]}`, rank: 3, feature: parts[2] };
    return { name: dir, rank: 4 };
  }
  if (parts[0] === 'src') {
    if (parts.length > 2 && subs.has(parts[1])) return { name: `src/${parts[1]}`, rank: 11, subpackage: parts[1] };
    return { name: 'src (main package)', rank: 10 };
  }
  return null;
}

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT_RE = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_RE = /(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string, text: string): ImportEdge[] {
  const out: ImportEdge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (!spec.startsWith('.')) return;
    const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    out.push({ from: file, to, typeOnly });
  };
  for (const m of text.matchAll(IMPORT_RE)) add(m[3], Boolean(m[2]));
  for (const m of text.matchAll(DYNAMIC_RE)) add(m[1], false);
  return out;
}

/** Why an import breaks the direction, or null when it does not. */
export function violation(edge: ImportEdge, subs: Set<string>): string | null {
  const a = layerOf(edge.from, subs);
  const b = layerOf(edge.to, subs);
  if (!a || !b) return null;
  const serverOrContracts = (l: Layer) => l.rank < 10;
  if (serverOrContracts(a) !== serverOrContracts(b) && b.name !== 'contracts') return `${a.name} imports ${b.name}`;
  if (a.name === 'contracts' && b.name !== 'contracts') return 'contracts import nothing of ours';
  if (edge.from === 'server/store/collections.ts' && edge.typeOnly) return null;
  if (a.rank < 10 && b.rank > a.rank) return `${a.name} (lower) imports ${b.name} (higher)`;
  if (a.feature && b.feature && a.feature !== b.feature) return `feature ${a.feature} imports feature ${b.feature}'s internals`;
  if (a.rank === 10 && b.subpackage && !edge.to.endsWith('/subpackage')) return `main package imports subpackage ${b.subpackage}`;
  if (a.subpackage && b.subpackage && a.subpackage !== b.subpackage && !edge.to.endsWith('/subpackage'))
    return `subpackage ${a.subpackage} imports subpackage ${b.subpackage}`;
  return null;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe('import direction', () => {
  const subs = subpackages();

  it('no import in contracts/, server/ or src/ climbs a layer or crosses a feature', () => {
    const files = ['contracts', 'server', 'src'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const edges = files.flatMap((f) => importsOf(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(edges.length).toBeGreaterThan(500);
    const bad = edges.map((e) => ({ e, why: violation(e, subs) })).filter((x) => x.why).map((x) => `${x.e.from} → ${x.e.to}: ${x.why}`);
    expect(bad).toEqual([]);
  });

  it('the rules catch each kind of wrong import (the checker itself can fail)', () => {
    const check = (from: string, spec: string, text?: string) =>
      importsOf(from, text ?? `import { x } from '${spec}';`).map((e) => violation(e, subs));
    expect(subs.has('perk') && subs.has('vote')).toBe(true);
    expect(check('server/core/router.ts', '../features/account/handlers')[0]).toMatch(/lower/);
    expect(check('server/domain/grants.ts', '../features/account/users')[0]).toMatch(/lower/);
    expect(check('server/store/sqlite.ts', '../core/errors')[0]).toMatch(/lower/);
    expect(check('server/features/perk/import.ts', '../roster/util')[0]).toMatch(/feature perk imports feature roster/);
    expect(check('server/features/perk/import.ts', '../../functions/registry')[0]).toMatch(/lower/);
    expect(check('src/pages/home/index.tsx', '../../account/whoami')[0]).toMatch(/main package imports subpackage account/);
    expect(check('src/vote/edit.tsx', '../perk/labels')[0]).toMatch(/subpackage vote imports subpackage perk/);
    expect(check('src/api/client.ts', '../../server/core/router')[0]).toMatch(/imports/);
    expect(check('contracts/vote.ts', '../server/domain/docs')[0]).toMatch(/contracts/);
    // Multi-line, type-only and dynamic imports are read too.
    const multi = 'import {\n  a,\n  b,\n} from "../roster/util";\nconst m = await import(\'../vote/docs\');';
    expect(check('server/features/perk/admin.ts', '', multi)).toEqual([
      expect.stringMatching(/roster/),
      expect.stringMatching(/vote/),
    ]);
    expect(check('server/core/context.ts', '', "import type { X } from '../features/account/users';")[0]).toMatch(/lower/);
    // What is allowed.
    expect(check('server/features/perk/admin.ts', '../../domain/users')).toEqual([null]);
    expect(check('server/core/router.ts', '../domain/users')).toEqual([null]);
    expect(check('src/app.config.ts', './perk/subpackage')).toEqual([null]);
    expect(check('src/vote/edit.tsx', '../../contracts/roles')).toEqual([null]);
    expect(check('server/store/collections.ts', '', "import type { PerkDoc } from '../features/perk/docs';")).toEqual([null]);
    expect(check('server/store/collections.ts', '../features/perk/docs')[0]).toMatch(/lower/);
  });
});
