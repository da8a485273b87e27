// The Chinese font PDFs embed (Noto Sans SC, subset by pdfkit): the 邻长联系卡 and the 工作台's reports.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

const FONT_FILES = {
  regular: { npm: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', bundled: 'NotoSansSC-Regular.ttf' },
  bold: { npm: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', bundled: 'NotoSansSC-Bold.ttf' },
};

/**
 * The font file: from the npm package in the repository; in a bundled cloud function
 * (no node_modules) from `fonts/` beside the bundle, where the function bundler copies it.
 * Null when it is in neither place.
 */
export function fontPath(weight: keyof typeof FONT_FILES): string | null {
  const f = FONT_FILES[weight];
  const candidates: string[] = [];
  try {
    candidates.push(require.resolve(f.npm));
  } catch {
    // not resolvable: a bundled function
  }
  candidates.push(path.join(__dirname, 'fonts', f.bundled), path.join(process.cwd(), 'fonts', f.bundled));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

const fontCache = new Map<string, Buffer>();
/** The font's bytes (read once per process); bold falls back to regular when only that is deployed. */
export function fontData(weight: keyof typeof FONT_FILES): Buffer {
  let data = fontCache.get(weight);
  if (!data) {
    const file = fontPath(weight) ?? (weight === 'bold' ? fontPath('regular') : null);
    if (!file) throw new AppError('INTERNAL', 'PDF 字体缺失，请联系系统管理员');
    data = fs.readFileSync(file);
    fontCache.set(weight, data);
  }
  return data;
}

