// Open API permissions that cannot drift: each function declares exactly the open APIs its
// bundled code calls (through the ports or cloud.openapi directly) and exactly the LZT_*
// variables it reads. A function that starts calling one it does not declare fails here.
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTION_SPECS, OPEN_APIS, type FunctionName } from '../../server/deploy/functions';
import { functionEntries, ROOT } from '../../scripts/deploy/bundle';
import { PORT_OPEN_APIS, scanFunction, usageOf } from '../../scripts/deploy/scan';

describe('each function declares what its code calls', () => {
  for (const name of functionEntries(ROOT)) {
    it(`${name}: open APIs and variables`, async () => {
      const used = await scanFunction(name, ROOT);
      const spec = FUNCTION_SPECS[name as FunctionName];
      expect(used.sources.length).toBeGreaterThan(3); // the scan really saw the function's code
      expect(used.openapi).toEqual([...spec.openapi].sort());
      expect(used.env).toEqual(spec.env.map((v) => v.name).sort());
    });
  }
});

describe('the scan', () => {
  it('finds port calls, direct open API calls and variables, and ignores the adapters', () => {
    const used = usageOf('x', {
      'server/features/a.ts': 'await ctx.notifier.send({ touser })\nconst k = ctx.secrets.passKey()',
      'server/features/b.ts': "await cloud.openapi.wxacode.get({ path })\nconst n = process.env.LZT_NEW_THING\nprocess.env['LZT_OTHER']",
      'server/features/c.ts': '// held by test/unit/deploy-openapi.test.ts (a file name, not a call)\n/** e.g. await ctx.notifier.send({ … }) */\nconst url = "https://x";',
      'server/runtime/cloud-ports.ts': 'api.security.msgSecCheck(x); checker.checkText(t); qr.make(q)',
      // A file name in a comment is no call.
      'server/deploy/c.ts': '// see test/unit/deploy-openapi.test.ts',
    });
    expect(used.openapi).toEqual(['subscribeMessage.send', 'wxacode.get']);
    expect(used.env).toEqual(['LZT_NEW_THING', 'LZT_OTHER', 'LZT_PASS_SECRET']);
    expect(used.evidence).toContain('wxacode.get ← server/features/b.ts');
  });

  it('knows every open API the cloud adapters call, and nothing else', () => {
    const adapters = fs.readFileSync(path.join(ROOT, 'server/runtime/cloud-ports.ts'), 'utf8');
    const called = [...adapters.matchAll(/\bapi\.([A-Za-z]+)\.([A-Za-z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
    expect([...new Set(called)].sort()).toEqual([...OPEN_APIS].sort());
    expect(PORT_OPEN_APIS.map((p) => p.api).sort()).toEqual([...OPEN_APIS].sort());
  });
});
