// One button's call: busy while waiting, the error's own message kept for the form to show.
import { useState } from 'react';
import type { Reply } from '../../../contracts';

export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  async function run<T>(name: string, fn: () => Promise<Reply<T> | null>): Promise<T | null> {
    if (busy) return null;
    setBusy(name);
    setError('');
    const reply = await fn();
    setBusy(null);
    if (!reply) return null;
    if (!reply.ok) {
      setError(reply.error.message);
      return null;
    }
    return reply.data;
  }
  return { busy, error, setError, run };
}
