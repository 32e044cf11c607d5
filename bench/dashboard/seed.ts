import path from 'node:path';
import { prepareBoard } from '../../server/boards/boardLinks';
import { sealCohort } from '../../server/cohorts/cohortCreation';
import { boardState, busyBoardRecords } from '../../server/dashboard/testing';
import { openSqliteStorage } from '../../server/migrations';
import type { Role } from '../../shared/roles';
import { cohortStore } from '../../server/cohorts/cohortStore';

export interface SeededCohort {
  id: string;
  trainerToken: string;
  boards: { id: string; team: string; tokens: Record<Role, string> }[];
  /** Typed cards, stickies and typed arrows per board. */
  items: number;
  stickies: number;
  connections: number;
  /** Bytes of one board's stored document. */
  docBytes: number;
  seedMs: number;
}

/**
 * Writes a cohort of `boards` Many Tables, Many Knocks boards with `items` typed cards each
 * straight into a fresh SQLite file in `dataDir` (no server running): each board is made like
 * POST /api/boards makes it, its document seeded and filled with the cards, and the cohort is
 * stored through the cohort storage API, sealed by the cohort API's own `sealCohort`.
 */
export async function seedCohort(dataDir: string, boards: number, items: number): Promise<SeededCohort> {
  const started = performance.now();
  const storage = openSqliteStorage(path.join(dataDir, 'boards.sqlite'));
  try {
    let shape = { items: 0, stickies: 0, connections: 0 };
    let docBytes = 0;
    const prepared = Array.from({ length: boards }, (_, i) => {
      const team = `Team ${String(i + 1).padStart(2, '0')}`;
      const p = prepareBoard({ template: 'many-tables-many-knocks', title: `Bench cohort · ${team}`, region: team, sector: 'Manufacturing' });
      const busy = busyBoardRecords(items, i);
      shape = busy;
      const state = boardState(p.row, busy.records);
      docBytes = state.byteLength;
      return { team, ...p, state };
    });
    const { cohort, trainerToken } = sealCohort({ name: 'Bench cohort', templateId: 'many-tables-many-knocks', variant: null }, prepared);
    const id = cohort.cohort.id;
    await storage.feature(cohortStore).create(cohort);
    return {
      id,
      trainerToken,
      boards: prepared.map((p) => ({ id: p.row.id, team: p.team, tokens: p.tokens })),
      items: shape.items,
      stickies: shape.stickies,
      connections: shape.connections,
      docBytes,
      seedMs: performance.now() - started,
    };
  } finally {
    await storage.close();
  }
}
