/**
 * The step the broadcast panel offers first: the one after the step most boards are on (ties go
 * to the later step), or the first step while no board has started. The trainer usually moves
 * everyone on, so that is the likely next click; they can pick any other.
 */
export function suggestedStep(steps: readonly { id: string }[], current: readonly (string | null)[]): string | null {
  if (steps.length === 0) return null;
  const counts = new Map<number, number>();
  for (const id of current) {
    const i = id ? steps.findIndex((s) => s.id === id) : -1;
    if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  for (const [i, n] of counts) if (n > bestCount || (n === bestCount && i > best)) [best, bestCount] = [i, n];
  return steps[Math.min(best + 1, steps.length - 1)].id;
}
