// Runs in every e2e test file (jest setupFilesAfterEnv): after the file's own tests, the
// 适老化 failures its page states showed are written to test/e2e/__screenshots__/a11y/<file>.txt
// and fail the file, every one listed. Always strict: there is no switch to turn it off.
import { auditFailures, formatFailures, writeReport } from './audit';

afterAll(() => {
  const testPath = expect.getState().testPath ?? 'e2e';
  writeReport(testPath);
  const list = auditFailures();
  if (list.length) throw new Error(`适老化检查：${list.length} 处不合格\n${formatFailures(list)}`);
});
