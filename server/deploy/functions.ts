// What each cloud function needs from its environment, declared once: runtime, timeout,
// memory, the open APIs it calls, the environment variables it reads, its timer triggers.
// `npm run build:functions` writes each cloudfunctions/<name>/config.json from this table,
// `npm run deploy` applies it (scripts/deploy/plan.ts), and the unit test deploy-openapi
// holds `openapi` and `env` to what each function's bundled code really calls and reads.

/** Shortest pass key accepted: 32 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_SECRET_LENGTH = 32;

/** The open APIs our ports call (server/runtime/cloud-ports.ts), by their config.json name. */
export const OPEN_APIS = ['phonenumber.getPhoneNumber', 'security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited'] as const;
export type OpenApiName = (typeof OPEN_APIS)[number];

/**
 * The CloudBase runtime: the Node line the tests run on (.ci runs Node 20). CloudBase's
 * Node 20 runtime is named `Nodejs20.19`; @cloudbase/manager-node takes the same name.
 */
export const RUNTIME = 'Nodejs20.19';

/**
 * 单实例多并发 stays off (one call per instance at a time): wx-server-sdk 4.0.2's
 * `getWXContext()` reads the caller (WX_OPENID …) from `process.env`, which the platform
 * rewrites per invocation and which concurrent calls in one instance would share, so a
 * second call could run as the first call's user. test/unit/deploy-concurrency.test.ts
 * pins that reading of the SDK.
 */
export const MAX_CONCURRENCY_PER_INSTANCE = 1;

export interface EnvVariable {
  name: string;
  /** A deployment without it is refused (`npm run deploy` names it); optional ones are set when present. */
  required: boolean;
  /** What it is, for the plan and the README. */
  about: string;
  /** Shortest value accepted. */
  minLength?: number;
}

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** CloudBase's 7-field cron: second minute hour day month weekday year. */
  config: string;
}

export interface FunctionSpec {
  /** Seconds before the platform stops a call (CloudBase: default 3, at most 60). */
  timeoutSeconds: number;
  memoryMB: 128 | 256 | 512 | 1024;
  openapi: OpenApiName[];
  env: EnvVariable[];
  triggers: TimerTrigger[];
}

export const PASS_SECRET: EnvVariable = {
  name: 'LZT_PASS_SECRET',
  required: true,
  about: '优惠码签名密钥（至少 32 个字符，每个环境各自生成，如 openssl rand -hex 32）',
  minLength: MIN_SECRET_LENGTH,
};
export const TPL_REVIEW_RESULT: EnvVariable = {
  name: 'LZT_TPL_REVIEW_RESULT',
  required: true,
  about: '订阅消息模板 ID：审核结果通知（phrase1 结果、thing2 事项、thing3 备注）',
};
export const TPL_PROBLEM_PROGRESS: EnvVariable = {
  name: 'LZT_TPL_PROBLEM_PROGRESS',
  required: true,
  about: '订阅消息模板 ID：民情办理进度（character_string1 编号、thing2 事项、phrase3 状态、thing4 说明）',
};
export const IMPORT_STEPS: EnvVariable = {
  name: 'LZT_IMPORT_STEPS_PER_CALL',
  required: false,
  about: '名册导入每次调用最多写入的片/组/邻数（默认 6000）',
};

/**
 * Every function (one per server/functions/<name>.ts entry). Timeouts: a user's call is short
 * (10 s covers a cold start and a few dozen round trips); roster (imports, card PDFs) and the
 * daily purge get the platform's 60 s and work in chunks inside it; perk imports and vote
 * voids work in chunks too.
 */
export const FUNCTION_SPECS = {
  account: { timeoutSeconds: 10, memoryMB: 256, openapi: [], env: [TPL_REVIEW_RESULT, TPL_PROBLEM_PROGRESS], triggers: [] },
  card: { timeoutSeconds: 10, memoryMB: 256, openapi: [], env: [], triggers: [] },
  // The 工作台: a summary is a few reads; a report (.xlsx, or a PDF with its charts and the
  // embedded font) is made in one call well inside 30 s.
  desk: { timeoutSeconds: 30, memoryMB: 512, openapi: [], env: [], triggers: [] },
  household: { timeoutSeconds: 10, memoryMB: 256, openapi: [], env: [], triggers: [] },
  ledger: { timeoutSeconds: 10, memoryMB: 256, openapi: ['security.msgSecCheck'], env: [], triggers: [] },
  maintenance: {
    timeoutSeconds: 60,
    memoryMB: 256,
    openapi: [],
    env: [],
    // Daily at 03:00 Beijing time.
    triggers: [{ name: 'dailyPurge', type: 'timer', config: '0 0 3 * * * *' }],
  },
  minqing: {
    timeoutSeconds: 20,
    memoryMB: 256,
    openapi: ['security.msgSecCheck', 'subscribeMessage.send'],
    // Every template id lives in one table (server/core/templates.ts): a function that sends reads them all.
    env: [TPL_REVIEW_RESULT, TPL_PROBLEM_PROGRESS],
    triggers: [],
  },
  minqingSweep: {
    timeoutSeconds: 60,
    memoryMB: 256,
    // The sweep writes no user text, but bundles the same ports as every function.
    openapi: ['security.msgSecCheck', 'subscribeMessage.send'],
    env: [TPL_REVIEW_RESULT, TPL_PROBLEM_PROGRESS],
    // Every 10 minutes: overdue flags (a 紧急 one is due in 2 h) and 默认满意.
    triggers: [{ name: 'minqingSweep', type: 'timer', config: '0 */10 * * * * *' }],
  },
  audit: { timeoutSeconds: 10, memoryMB: 256, openapi: [], env: [], triggers: [] },
  notice: { timeoutSeconds: 10, memoryMB: 256, openapi: ['security.msgSecCheck'], env: [], triggers: [] },
  perk: { timeoutSeconds: 30, memoryMB: 512, openapi: ['security.msgSecCheck'], env: [PASS_SECRET], triggers: [] },
  privacy: { timeoutSeconds: 20, memoryMB: 256, openapi: [], env: [], triggers: [] },
  register: {
    timeoutSeconds: 10,
    memoryMB: 256,
    // phonenumber: the applicant confirms their phone with WeChat's button (register.confirmPhone).
    openapi: ['phonenumber.getPhoneNumber', 'security.msgSecCheck', 'subscribeMessage.send'],
    env: [TPL_REVIEW_RESULT, TPL_PROBLEM_PROGRESS],
    triggers: [],
  },
  roster: { timeoutSeconds: 60, memoryMB: 1024, openapi: ['wxacode.getUnlimited'], env: [IMPORT_STEPS], triggers: [] },
  vote: {
    timeoutSeconds: 20,
    memoryMB: 256,
    openapi: ['security.msgSecCheck', 'subscribeMessage.send'],
    env: [TPL_REVIEW_RESULT, TPL_PROBLEM_PROGRESS],
    triggers: [],
  },
} satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_SPECS;
export const FUNCTION_NAMES = Object.keys(FUNCTION_SPECS) as FunctionName[];

/** The config.json WeChat DevTools and CloudBase read beside a function's index.js. */
export function functionConfigJson(spec: FunctionSpec): { permissions: { openapi: OpenApiName[] }; triggers?: TimerTrigger[] } {
  return {
    permissions: { openapi: [...spec.openapi].sort() },
    ...(spec.triggers.length ? { triggers: spec.triggers } : {}),
  };
}

/** The variables a deployment must set, each once. */
export function requiredEnv(): EnvVariable[] {
  const all: EnvVariable[] = Object.values(FUNCTION_SPECS as Record<string, FunctionSpec>).flatMap((s) => s.env);
  return all.filter((v, i) => v.required && all.findIndex((w) => w.name === v.name) === i);
}
