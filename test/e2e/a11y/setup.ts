// Runs in every e2e test file (jest setupFilesAfterEnv): after the file's own tests, the
// 适老化 failures its page states showed are written to test/e2e/__screenshots__/a11y/<file>.txt.
// With LZT_A11Y_STRICT=1 they fail the file, every one listed. Strict is not yet the default:
// five files still show failures (see /work/notes/h15a.md); turn it on once they are fixed.
import { auditFailures, formatFailures, writeReport } from './audit';

afterAll(() => {
  const testPath = expect.getState().testPath ?? 'e2e';
  writeReport(testPath);
  const list = auditFailures();
  if (!list.length) return;
  const message = `适老化检查：${list.length} 处不合格\n${formatFailures(list)}`;
  if (process.env.LZT_A11Y_STRICT === '1') throw new Error(message);
  console.warn(message);
});
