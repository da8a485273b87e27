// Where Debian's Chromium is, and what to do without it: skip with one clear line, or
// fail under CI=true (CI must run the browser tests).
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);
export const MISSING_CHROMIUM_LINE = `未找到 Chromium（${CHROMIUM_PATH}），已跳过浏览器测试：请运行 sudo apt-get install -y chromium fonts-noto-cjk`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
