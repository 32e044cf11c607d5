import { useEffect, useState } from 'react';

/** `Date.now()`, re-rendered every `intervalMs` (relative times like "5 min ago" keep moving). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
