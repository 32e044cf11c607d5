import type { BoardRow } from '../storage/Storage';
import type { BoardPart, ControlPart } from './summarize';
import type { BoardSummaryCore } from './SummaryService';

/** What SummaryService keeps per board: its cached parts, what subscribers were told, and its timer. */
export interface Entry {
  boardId: string;
  row: BoardRow | null;
  board: BoardPart | null;
  boardDirty: boolean;
  control: ControlPart | null;
  controlDirty: boolean;
  /** The people present when last looked at (JSON), to tell presence changes from cursor moves. */
  presentJson: string;
  /** The last summary computed (what subscribers have been told), and its JSON. */
  last: BoardSummaryCore | null;
  lastJson: string;
  /** When the thumbnail may change next for subscribers (ms); see thumbnailMs. */
  thumbnailNextAt: number;
  listeners: Set<(summary: BoardSummaryCore) => void>;
  /** When the timer last recomputed it (direct requests do not count against the throttle). */
  lastComputeAt: number;
  /** Something besides a held-back thumbnail changed since the last computation. */
  pendingChange: boolean;
  /** The board part was last computed without its thumbnail (held back by thumbnailMs). */
  thumbnailPending: boolean;
  timer: NodeJS.Timeout | null;
  timerAt: number;
  /** A refresh in progress (one at a time per board). */
  refreshing: Promise<BoardSummaryCore | null> | null;
}

/** A board's entry before anything is known of it (every part dirty). */
export function newEntry(boardId: string): Entry {
  return {
    boardId,
    row: null,
    board: null,
    boardDirty: true,
    control: null,
    controlDirty: true,
    presentJson: '[]',
    last: null,
    lastJson: '',
    thumbnailNextAt: 0,
    listeners: new Set(),
    lastComputeAt: 0,
    pendingChange: false,
    thumbnailPending: false,
    timer: null,
    timerAt: 0,
    refreshing: null,
  };
}
