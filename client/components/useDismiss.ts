import { useEffect, useRef, type RefObject } from 'react';

/**
 * Closes a pop-over: Escape calls `onDismiss(true)` (the caller returns the focus to its
 * button), a pointer press outside every element in `inside` calls `onDismiss(false)`. Active
 * only while `open`.
 */
export function useDismiss(open: boolean, inside: readonly RefObject<HTMLElement | null>[], onDismiss: (byKeyboard: boolean) => void): void {
  // The latest callback and elements, without re-subscribing on every render.
  const latest = useRef({ inside, onDismiss });
  latest.current = { inside, onDismiss };
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') latest.current.onDismiss(true);
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!latest.current.inside.some((r) => r.current?.contains(t))) latest.current.onDismiss(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);
}
