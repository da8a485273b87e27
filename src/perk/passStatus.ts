// The pass page's watch for the clerk's 核销: while a code is on screen it asks, every few
// seconds, whether that pass was consumed (one read per ask), and stops once it was, when the
// page is hidden or when the code changes. Bounded: at most one ask in flight.
import { useEffect, useRef, type MutableRefObject } from 'react';
import { call, type Output } from '../api/client';

export type PassStatus = Output<'perk', 'passStatus'>;
export type Redeemed = PassStatus & { redeemed: NonNullable<PassStatus['redeemed']> };

/** How often the page asks while a code is shown (≈15 reads a minute, only while someone holds the phone up). */
export const STATUS_POLL_MS = 4_000;

/** One ask: the redemption of this token, or null (not consumed, or the ask failed: the next one retries). */
export async function redeemedOf(token: string): Promise<Redeemed | null> {
  const reply = await call('perk', 'passStatus', { token });
  return reply.ok && reply.data.redeemed ? (reply.data as Redeemed) : null;
}

export function useRedeemedWatch(token: string | null, visible: MutableRefObject<boolean>, onRedeemed: (token: string, r: Redeemed) => void): void {
  const cb = useRef(onRedeemed);
  cb.current = onRedeemed;
  useEffect(() => {
    if (!token) return;
    let live = true;
    let busy = false;
    const tick = setInterval(() => {
      if (!visible.current || busy) return;
      busy = true;
      void redeemedOf(token).then((r) => {
        busy = false;
        if (live && r) cb.current(token, r);
      });
    }, STATUS_POLL_MS);
    return () => {
      live = false;
      clearInterval(tick);
    };
  }, [token, visible]);
}
