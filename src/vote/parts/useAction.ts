// One button's call: busy while waiting, the error's own message (and code) kept for the form.
import { useState } from 'react';
import type { AppErrorBody, Reply } from '../../../contracts';

export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorBody | null>(null);
  async function run<T>(name: string, fn: () => Promise<Reply<T> | null>): Promise<T | null> {
    if (busy) return null;
    setBusy(name);
    setError(null);
    const reply = await fn();
    setBusy(null);
    if (!reply) return null;
    if (!reply.ok) {
      setError(reply.error);
      return null;
    }
    return reply.data;
  }
  const fail = (message: string) => setError({ code: 'INVALID_INPUT', message });
  return { busy, error, setError, fail, run };
}
