// One button's call: busy while waiting, the error's own message kept for the page to show.
import { useRef, useState } from 'react';
import type { Reply } from '../../contracts';

export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const running = useRef(false);
  async function run<T>(name: string, fn: () => Promise<Reply<T> | null>): Promise<T | null> {
    if (running.current) return null;
    running.current = true;
    setBusy(name);
    setError('');
    const reply = await fn();
    running.current = false;
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
