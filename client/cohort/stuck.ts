/**
 * The dashboard's "stuck" flag: a team that is working but has not changed its board for longer
 * than the trainer's threshold.
 *
 * Only a working team can be stuck. A board is *working* while someone who can change it
 * (a facilitator or editor link) has it open. A board nobody has open is idle, not stuck, even
 * while its timer runs: a trainer's broadcast starts every board's timer, so a running timer says
 * nothing about a team (the tile says "Nobody here" instead, which is the problem to act on). A
 * trainer watching through a viewer link does not make a board work either.
 *
 * The idle time runs from the later of the board's last change and the moment this dashboard saw
 * the board start working. So a team that reopens its board a week after its last session is
 * not flagged the moment it arrives, and a dashboard opened while teams are already there waits
 * a full threshold before flagging anyone: it only claims what it has seen.
 */
export const STUCK_MINUTES_CHOICES = [5, 10, 15, 30] as const;
export const DEFAULT_STUCK_MINUTES = 10;
export const STUCK_MINUTES_KEY = 'pb.stuckMinutes';

export interface WorkingInput {
  present: readonly { role: string }[];
}

export function isWorking(board: WorkingInput): boolean {
  return board.present.some((p) => p.role === 'facilitator' || p.role === 'editor');
}

/**
 * Since when each board has been working, as this dashboard saw it: boards that start working get
 * `now`, boards that keep working keep their time, boards that stop are dropped. Returns the same
 * map when nothing changed.
 */
export function updateWorkingSince(prev: ReadonlyMap<string, number>, boards: readonly (WorkingInput & { boardId: string })[], now: number): ReadonlyMap<string, number> {
  const next = new Map<string, number>();
  for (const b of boards) {
    if (!isWorking(b)) continue;
    next.set(b.boardId, prev.get(b.boardId) ?? now);
  }
  if (next.size === prev.size && [...next].every(([id, t]) => prev.get(id) === t)) return prev;
  return next;
}

export interface StuckInput {
  working: boolean;
  /** Last change to the board, ms since the epoch (null: never changed). */
  lastActivity: number | null;
  /** When this dashboard saw the board start working (null: not working). */
  workingSince: number | null;
  now: number;
  thresholdMs: number;
}

export interface Stuck {
  /** How long the board has been idle, in ms, as far as this dashboard knows. */
  idleMs: number;
  /** True when the idle time is counted from when the dashboard saw the team start (it may be longer). */
  atLeast: boolean;
}

/** Whether a board is stuck, and for how long; null when it is not. */
export function stuckFor({ working, lastActivity, workingSince, now, thresholdMs }: StuckInput): Stuck | null {
  if (!working) return null;
  const seen = workingSince ?? now;
  const atLeast = lastActivity == null || lastActivity < seen;
  const idleMs = now - (atLeast ? seen : (lastActivity as number));
  return idleMs >= thresholdMs ? { idleMs, atLeast } : null;
}

export function parseStuckMinutes(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return (STUCK_MINUTES_CHOICES as readonly number[]).includes(n) ? n : DEFAULT_STUCK_MINUTES;
}
