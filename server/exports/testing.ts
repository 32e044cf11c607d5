import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as Y from 'yjs';
import { addAction } from '../../shared/doc/actionPlanDoc';
import { recordsOf, seedBoardDoc } from '../../shared/doc/boardDoc';
import type { BoardExport } from '../../shared/api/exportDocument';
import { putEvidence, setRationale, setScore } from '../../shared/doc/rubricDoc';
import type { ExerciseDef } from '../../exercises/kit/definitions';
import { exerciseRecords } from '../../exercises/kit/seed';
import { boardSchema } from '../../exercises/registry';
import type { BoardRow } from '../storage/Storage';
import { exportSchema } from './exportJsonSchema';

/** Test helpers for the exports: boards as Y.Docs, and the schema validator. */

export function boardRow(exercise: ExerciseDef, overrides: Partial<BoardRow> = {}): BoardRow {
  return {
    id: 'AbCdEfGhIjKlMnOp',
    title: 'Three Rivers manufacturing',
    region: 'Three Rivers',
    sector: 'Advanced manufacturing',
    templateId: exercise.template.id,
    templateVersion: exercise.template.version,
    variant: exercise.template.variants?.[0]?.id ?? null,
    createdAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A board document as the server seeds it, plus the given records (e.g. an exercise fixture). */
export function boardDoc(exercise: ExerciseDef, row: BoardRow, records: readonly Record<string, unknown>[] = []): Y.Doc {
  const doc = new Y.Doc();
  seedBoardDoc(
    doc,
    { id: row.id, title: row.title, region: row.region, sector: row.sector, variant: row.variant ?? undefined, createdAt: row.createdAt },
    exercise.template,
    boardSchema(),
    exerciseRecords(exercise),
  );
  const kv = recordsOf(doc);
  doc.transact(() => {
    for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
  });
  return doc;
}

/** Two rubric sessions and two actions (one promoted from `sourceItemId`, one from a card since removed). */
export function addRubricAndActions(doc: Y.Doc, sourceItemId: string, sourceTitle: string): void {
  setScore(doc, '2026-01-15', 'industry-engagement', 3);
  setScore(doc, '2026-01-15', 'regional-coordination', 4);
  setScore(doc, '2026-04-20', 'industry-engagement', 6);
  setScore(doc, '2026-04-20', 'regional-coordination', 5);
  setRationale(doc, '2026-04-20', 'industry-engagement', 'Two employer champions now co-host the table.\nThe chamber joined.');
  putEvidence(doc, '2026-04-20', 'regional-coordination', {
    id: 'team:1',
    text: '7 knocks from 5 programs reach the same 12 employers',
    origin: 'team',
    status: 'accepted',
    itemIds: sourceItemId ? [sourceItemId] : [],
  });
  putEvidence(doc, '2026-04-20', 'regional-coordination', {
    id: 'proposed:gone',
    text: 'A dismissed proposal',
    origin: 'proposed',
    status: 'dismissed',
    itemIds: [],
  });
  addAction(doc, { text: 'Recruit two business champions', owner: 'Maria', due: '2026-05-31', status: 'in-progress', priorityArea: 'Talent pipeline', sourceItemId, sourceTitle, createdBy: 'Maria' }, new Date('2026-04-20T10:00:00Z'), 'action:one');
  addAction(doc, { text: 'Send invitations, then call', owner: 'Lee', due: 'within 60 days', sourceItemId: 'shape:removed', sourceTitle: 'Old idea', createdBy: 'Lee' }, new Date('2026-04-20T11:00:00Z'), 'action:two');
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Validates against shared/export.schema.json; returns ajv's errors (empty when valid). */
export function schemaErrors(doc: unknown): unknown[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    validator = ajv.compile(exportSchema());
  }
  return validator(doc) ? [] : [...(validator.errors ?? [])];
}

export function withoutExportedAt(doc: BoardExport): Omit<BoardExport, 'exportedAt'> {
  const { exportedAt: _, ...rest } = doc;
  return rest;
}
