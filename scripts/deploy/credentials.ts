// What `npm run deploy` must be given, all from environment variables: where to deploy and
// with which keys, plus every function environment variable the code requires. Nothing here
// is ever written to the repository or printed.
import fs from 'node:fs';

export interface Credential {
  name: string;
  about: string;
  /** The value names a file that must exist (the upload key). */
  file?: boolean;
}

export const CREDENTIALS: Credential[] = [
  { name: 'LZT_ENV_ID', about: '云开发环境 ID（小程序构建时也写入 Taro.cloud.init）' },
  { name: 'TENCENTCLOUD_SECRETID', about: '腾讯云 API 密钥 SecretId（可管理该环境的子账号）' },
  { name: 'TENCENTCLOUD_SECRETKEY', about: '腾讯云 API 密钥 SecretKey' },
  { name: 'LZT_APPID', about: '小程序 AppID' },
  { name: 'LZT_UPLOAD_KEY', about: '小程序代码上传密钥文件的路径（小程序后台 → 开发设置 → 小程序代码上传）', file: true },
];

export interface Missing {
  name: string;
  why: string;
}

/**
 * Every variable a real deployment lacks, in one list (credentials first, then the functions'
 * required variables). An empty list means it may go ahead.
 */
export function missingVariables(
  env: Record<string, string | undefined>,
  required: { name: string; about: string; minLength?: number }[],
  exists: (file: string) => boolean = fs.existsSync,
): Missing[] {
  const missing: Missing[] = [];
  for (const c of CREDENTIALS) {
    const value = env[c.name]?.trim();
    if (!value) missing.push({ name: c.name, why: `未设置：${c.about}` });
    else if (c.file && !exists(value)) missing.push({ name: c.name, why: `文件不存在：${value}` });
  }
  for (const v of required) {
    const value = env[v.name]?.trim();
    if (!value) missing.push({ name: v.name, why: `未设置：${v.about}` });
    else if (v.minLength && value.length < v.minLength) missing.push({ name: v.name, why: `太短（至少 ${v.minLength} 个字符）` });
  }
  return missing;
}
