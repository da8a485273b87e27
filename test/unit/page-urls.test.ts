// Page URLs are built in one place (issue 11): each src/<feature>/subpackage.ts lists its pages
// and types each page's parameters; the main package's tab pages are in src/pages/urls.ts; one
// typed builder takes them all (`pageUrl('perk/detail', { id })`, src/utils/pageUrl.ts). This
// test fails when a hand-written page URL ('/perk/detail?id=…') appears anywhere else in src/,
// when a pageUrl call names a page its package does not list (a renamed page), when the
// parameter table and the route table disagree, or when a listed page has no file.
import fs from 'node:fs';
import path from 'node:path';
import { mainPages } from '../../src/pages/urls';
import { pageUrl } from '../../src/utils/pageUrl';

const SRC = path.resolve(__dirname, '../../src');

const features = fs.readdirSync(SRC).filter((d) => fs.existsSync(path.join(SRC, d, 'subpackage.ts')));

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(path.relative(SRC, p).split(path.sep).join('/'));
  }
  return out;
}

/** Quoted strings that start like a page URL of one of these roots: '/perk/…', `/vote/…`, "/pages/…". */
export function handWrittenUrls(text: string, roots: string[]): string[] {
  const re = new RegExp(`['"\`]/(?:${roots.join('|')})/[A-Za-z]`, 'g');
  return text.split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && re.test(line));
}

const roots = [...features, mainPages.root];

test('the scanner sees a hand-written page URL in any quoting, and leaves comments and imports alone', () => {
  expect(handWrittenUrls("go('/perk/index')", roots)).toHaveLength(1);
  expect(handWrittenUrls('url: `/vote/campaign?id=${id}`', roots)).toHaveLength(1);
  expect(handWrittenUrls('switchTab({ url: "/pages/card/index" })', roots)).toHaveLength(1);
  expect(handWrittenUrls("import { perkUrls } from '../perk/subpackage';", roots)).toHaveLength(0);
  expect(handWrittenUrls('// opens /perk/detail', roots)).toHaveLength(0);
});

test('no page URL is written by hand in src/ outside the subpackage.ts files', () => {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('/subpackage.ts') || file === 'pages/urls.ts') continue;
    for (const line of handWrittenUrls(fs.readFileSync(path.join(SRC, file), 'utf8'), roots)) found.push(`${file}: ${line.trim()}`);
  }
  expect(found).toEqual([]);
});

interface Package {
  file: string;
  root: string;
  pages: string[];
  /** The pages its parameter table (`interface …Pages`) types. */
  typed: string[];
}

function load(file: string): Package {
  const mod = jest.requireActual<Record<string, unknown>>(path.join(SRC, file));
  const tables = Object.values(mod).filter(
    (v): v is { root: string; pages: string[] } => typeof v === 'object' && v !== null && 'root' in v && 'pages' in v,
  );
  if (tables.length !== 1) throw new Error(`${file}: one route table expected`);
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  const body = /export interface \w+Pages \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
  const typed = [...body.matchAll(/^ {2}'?([\w/]+)'?\??:/gm)].map((m) => m[1]);
  return { file, root: tables[0].root, pages: tables[0].pages, typed };
}

const packages = [...features.map((f) => `${f}/subpackage.ts`), 'pages/urls.ts'].map(load);

test.each(packages.map((p) => [p.file, p] as const))(
  '%s: types the parameters of exactly the pages it lists, each page has a file and a URL',
  (_file, pkg) => {
    expect(pkg.typed).toEqual(pkg.pages);
    const built = pageUrl as unknown as (page: string, params?: Record<string, string>) => string;
    for (const page of pkg.pages) {
      expect(built(`${pkg.root}/${page}`, { id: 'a b&c', none: '' })).toBe(`/${pkg.root}/${page}?id=a%20b%26c`);
      const exists = ['tsx', 'ts'].some((ext) => fs.existsSync(path.join(SRC, pkg.root, `${page}.${ext}`)));
      expect([page, exists]).toEqual([page, true]);
    }
  },
);

test('pageUrl types every package: src/utils/pageUrl.ts takes the parameter table of each', () => {
  const text = fs.readFileSync(path.join(SRC, 'utils/pageUrl.ts'), 'utf8');
  for (const pkg of packages) expect([pkg.root, text.includes(`Under<'${pkg.root}', `)]).toEqual([pkg.root, true]);
});

test('every pageUrl call in src/ names a page its package lists (a renamed page breaks here, not only in tsc)', () => {
  const byRoot = new Map(packages.map((p) => [p.root, p]));
  const wrong: string[] = [];
  let calls = 0;
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    for (const m of text.matchAll(/\bpageUrl\(\s*(['"`])([\w/-]*)\1/g)) {
      calls++;
      const [root, ...rest] = m[2].split('/');
      if (!byRoot.get(root)?.pages.includes(rest.join('/'))) wrong.push(`${file}: ${m[0]}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(calls).toBeGreaterThan(100);
});

test('the main package lists exactly the pages app.config.ts declares', () => {
  const config = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8');
  const declared = /\n\s*pages:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
  const pages = [...declared.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  expect(pages).toEqual(mainPages.pages.map((p) => `${mainPages.root}/${p}`));
});
