import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, HAS_CHROMIUM, MISSING_CHROMIUM_LINE } from './chromium';

export default async function globalSetup(): Promise<void> {
  if (!HAS_CHROMIUM) {
    if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}`);
    console.log(`\n${MISSING_CHROMIUM_LINE}`);
    return;
  }
  const index = path.resolve(__dirname, '../../dist-h5/index.html');
  if (!fs.existsSync(index)) throw new Error('dist-h5 is missing: run `npm run build:h5` (npm test does it first)');
}
