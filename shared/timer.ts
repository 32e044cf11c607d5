/**
 * The session timer, as pure functions of a state and the server's time.
 *
 * The state holds absolute server times (ms since epoch), never client times: a running timer
 * stores when it ends, so every client computes the same remaining time from its estimate of the
 * server clock (see clock.ts), whatever its own clock says and whenever it joined.
 */
export type TimerState =
  | { status: 'idle'; durationMs: number; stepId?: string }
  | { status: 'running'; durationMs: number; endsAt: number; stepId?: string }
  | { status: 'paused'; durationMs: number; remainingMs: number; stepId?: string };

export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

function clamp(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  return Math.max(0, Math.min(MAX_TIMER_MS, Math.round(ms)));
}

export function idleTimer(durationMs: number, stepId?: string): TimerState {
  return { status: 'idle', durationMs: clamp(durationMs), ...(stepId ? { stepId } : {}) };
}

/** Remaining time at server time `now` (0 once it has run out). */
export function remainingMs(state: TimerState, now: number): number {
  switch (state.status) {
    case 'idle':
      return state.durationMs;
    case 'paused':
      return state.remainingMs;
    case 'running':
      return Math.max(0, state.endsAt - now);
  }
}

/** True when a running timer has reached zero. */
export function hasEnded(state: TimerState, now: number): boolean {
  return state.status === 'running' && now >= state.endsAt;
}

/** Starts an idle timer, or resumes a paused one; a running one is left as it is. */
export function start(state: TimerState, now: number): TimerState {
  if (state.status === 'running') return state;
  const left = state.status === 'paused' ? state.remainingMs : state.durationMs;
  return { status: 'running', durationMs: state.durationMs, endsAt: now + left, ...stepOf(state) };
}

export function pause(state: TimerState, now: number): TimerState {
  if (state.status !== 'running') return state;
  return { status: 'paused', durationMs: state.durationMs, remainingMs: remainingMs(state, now), ...stepOf(state) };
}

/**
 * Adds time (a minute, typically). A running timer that had already run out restarts from now;
 * the duration grows too, so a reset does not lose the extra time of this step.
 */
export function addTime(state: TimerState, now: number, ms: number): TimerState {
  const durationMs = clamp(state.durationMs + ms);
  switch (state.status) {
    case 'idle':
      return { ...state, durationMs };
    case 'paused':
      return { ...state, durationMs, remainingMs: clamp(state.remainingMs + ms) };
    case 'running':
      return { ...state, durationMs, endsAt: now + clamp(remainingMs(state, now) + ms) };
  }
}

/** Back to idle at the given duration (the current one when omitted). */
export function reset(state: TimerState, durationMs = state.durationMs): TimerState {
  return idleTimer(durationMs, state.stepId);
}

function stepOf(state: TimerState): { stepId?: string } {
  return state.stepId ? { stepId: state.stepId } : {};
}

/** `m:ss`, or `h:mm:ss` from an hour, of a duration in ms (rounded up to the second). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Validates a timer value read from the control document (anything else reads as null). */
export function parseTimer(value: unknown): TimerState | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  if (!num(v.durationMs)) return null;
  const stepId = typeof v.stepId === 'string' ? { stepId: v.stepId } : {};
  const durationMs = clamp(v.durationMs as number);
  if (v.status === 'idle') return { status: 'idle', durationMs, ...stepId };
  if (v.status === 'running' && num(v.endsAt)) return { status: 'running', durationMs, endsAt: v.endsAt as number, ...stepId };
  if (v.status === 'paused' && num(v.remainingMs)) return { status: 'paused', durationMs, remainingMs: clamp(v.remainingMs as number), ...stepId };
  return null;
}
