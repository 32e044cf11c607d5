import * as Y from 'yjs';
import type { TLRecord } from '@tldraw/tlschema';
import { readBoardMeta, readRecords } from '../shared/boardDoc';
import { DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../shared/docLayout';
import type { BoardResults } from '../shared/results';
import { boardSchema, getExercise, getItemType } from '../exercises/registry';
import { extractBoard } from '../exercises/kit/extract';
import type { Relay } from './relay/Relay';
import type { BoardRow, Storage } from './storage/Storage';
import { HttpError } from './http/HttpError';

/**
 * Reads a board's document for a one-off computation: the live room's doc when the board is
 * open (it holds every accepted update), otherwise a throwaway doc loaded from storage (no room
 * is created, so a board nobody has open stays unloaded).
 */
export async function withBoardDoc<T>(relay: Relay, storage: Storage, boardId: string, use: (doc: Y.Doc) => T): Promise<T> {
  const room = relay.rooms.get(boardId);
  if (room?.state === 'ready') return use(room.doc);
  const stored = await storage.loadDoc(boardId);
  const doc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return use(doc);
  } finally {
    doc.destroy();
  }
}

/** The board's tldraw records, migrated to the current schema when they were written with an older one. */
export function currentRecords(doc: Y.Doc): TLRecord[] {
  const raw: Record<string, TLRecord> = {};
  for (const [id, record] of readRecords(doc)) raw[id] = record;
  const schema = doc.getMap<unknown>(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY);
  if (!schema) return Object.values(raw);
  const migrated = boardSchema().migrateStoreSnapshot({ store: raw, schema: schema as never });
  return Object.values(migrated.type === 'success' ? (migrated.value as Record<string, TLRecord>) : raw);
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
}

export function resultsOfDoc(doc: Y.Doc, row: BoardRow): ResultsDocument {
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
  };
}
