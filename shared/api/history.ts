/**
 * Board history: named snapshots of a board's document (server/history/, client/board/history/).
 *
 * A snapshot is `Y.encodeStateAsUpdate` of the board document at one moment, stored beside the
 * board. Kinds:
 *  - `manual`: saved by a facilitator ("Save snapshot").
 *  - `auto`: taken by the server when a working session ends (the board's room unloads after
 *    people wrote to it for a while).
 *  - `pre-restore`: the state just before a restore, taken by the server, so a restore can
 *    always be undone by restoring it.
 */
export const SNAPSHOT_KINDS = ['manual', 'auto', 'pre-restore'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** What the API lists of a snapshot (never its state). */
export interface SnapshotInfo {
  id: string;
  name: string;
  kind: SnapshotKind;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Display name of the person who saved or restored (as they typed it), or null. */
  createdBy: string | null;
}

export const SNAPSHOT_NAME_MAX = 80;
export const SNAPSHOT_BY_MAX = 80;

/** A board keeps at most this many snapshots; see `pruneOrder` for which go first. */
export const MAX_SNAPSHOTS_PER_BOARD = 200;

/**
 * Which snapshots make room first when a board has too many: automatic ones, then pre-restore
 * ones, then saved ones. The newest pre-restore snapshot (the undo of the last restore) never
 * makes room (server/history/snapshotStore.ts).
 */
export const PRUNE_ORDER: readonly SnapshotKind[] = ['auto', 'pre-restore', 'manual'];

/** Snapshot ids: 16 characters of base64url (the server makes them; anything else is unknown). */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{8,40}$/;
