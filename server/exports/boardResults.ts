import * as Y from 'yjs';
import type { TLRecord } from '@tldraw/tlschema';
import { readBoardMeta, readRecords } from '../../shared/doc/boardDoc';
import { DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../shared/doc/docLayout';
import type { BoardResults, ResultNote, ResultVoteRound } from '../../shared/results';
import type { VoteRound } from '../../shared/doc/control';
import { voteResults } from './voteResults';
import { readRounds } from '../../shared/doc/votes';
import { boardSchema, getExercise, getItemType } from '../../exercises/registry';
import { extractBoard } from '../../exercises/kit/extract';
import { recordChecker } from '../../exercises/kit/recordCheck';
import { boardNotes, resultNotes } from '../../exercises/kit/boardNotes';
import type { Relay } from '../sync/Relay';
import type { BoardRow, Storage } from '../storage/Storage';
import type { BoardInput, DocInput } from './exportJobs';
import { HttpError } from '../http/HttpError';
import { participantStore } from '../participants/participantStore';

/**
 * The board's tldraw records as a browser would load them: migrated to the current schema when
 * they were written with an older one, and only those that pass the board schema's validators
 * (exercises/kit/recordCheck.ts). A record that is not one (junk an older server let a client
 * store) is skipped, so results and exports never fail on it.
 */
export function currentRecords(doc: Y.Doc): TLRecord[] {
  const schema = boardSchema();
  const stored = doc.getMap<unknown>(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY);
  const checker = recordChecker(schema, stored);
  const raw = readRecords(doc);
  if (checker.relation === 'older') {
    // Store-level migrations (several records at once) run only on the whole snapshot.
    const store: Record<string, TLRecord> = {};
    for (const [id, record] of raw) if (checker.check(record).ok) store[id] = record;
    const migrated = schema.migrateStoreSnapshot({ store, schema: stored as never });
    if (migrated.type === 'success') {
      const same = recordChecker(schema, schema.serialize());
      return Object.values(migrated.value as Record<string, TLRecord>).flatMap((r) => {
        const v = same.check(r);
        return v.ok ? [v.record] : [];
      });
    }
  }
  const out: TLRecord[] = [];
  for (const record of raw.values()) {
    const v = checker.check(record);
    if (v.ok) out.push(v.record);
  }
  return out;
}

export interface ResultsDocument extends BoardResults {
  board: {
    id: string;
    title: string;
    region: string;
    sector: string;
    createdAt: string;
  };
  generatedAt: string;
  /** Always present here: the doc is at hand (see BoardResults.notes). */
  notes: ResultNote[];
  /** Always present here (see BoardResults.votes); empty when no rounds are given. */
  votes: ResultVoteRound[];
}

/**
 * The results of a board's doc. `rounds` are the vote rounds of its control document
 * (`readControlRounds`); they are ranked with the items of this doc.
 */
export function resultsOfDoc(doc: Y.Doc, row: BoardRow, rounds: readonly VoteRound[] = []): ResultsDocument {
  const meta = readBoardMeta(doc);
  const exercise = getExercise(row.templateId);
  if (!exercise) throw new HttpError(500, 'unknown_template', `The board's template "${row.templateId}" is not installed.`);
  const { results } = extractBoard(currentRecords(doc), {
    exercise,
    itemType: getItemType,
    variant: meta?.variant ?? row.variant,
    templateVersion: meta?.templateVersion ?? row.templateVersion,
  });
  return {
    board: {
      id: row.id,
      title: meta?.title ?? row.title,
      region: meta?.region ?? row.region,
      sector: meta?.sector ?? row.sector,
      createdAt: row.createdAt,
    },
    generatedAt: new Date().toISOString(),
    ...results,
    notes: resultNotes(boardNotes(doc, exercise)),
    votes: voteResults(rounds, doc, results.items, exercise.template),
  };
}

/**
 * A board's document as bytes for an export job (exports/exportJobs.ts): the live room's whole
 * state when it is open, else what storage holds, not decoded here (the worker does that).
 */
export async function docInput(relay: Relay, storage: Storage, boardId: string): Promise<DocInput> {
  const live = relay.liveDoc(boardId);
  if (live) return { update: Y.encodeStateAsUpdate(live) };
  const { compacted, updates } = await storage.loadDoc(boardId, 'board');
  return { compacted, updates };
}

/** Everything an export job needs of one board, read on the main thread. */
export async function boardInput(relay: Relay, storage: Storage, row: BoardRow): Promise<BoardInput> {
  const participants = await storage.feature(participantStore).list(row.id);
  const rounds = await relay.readDoc(row.id, 'control', readRounds);
  return { doc: await docInput(relay, storage, row.id), row, participants, rounds };
}
