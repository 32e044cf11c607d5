import { strToU8, zipSync } from 'fflate';
import type { BoardExport, EXPORT_CSV_FILES } from '../../shared/api/exportDocument';
import { csvFile, type CsvCell } from '../../shared/api/csv';
import { allItems, evidenceLine, fieldCell, fieldDefsOf, fieldKeys, shownEvidence } from './reportModel';

/**
 * The CSV export: one file per entity type (items, connections, figures, rubric, actions, notes, review, votes), each
 * starting with `board_id` so files of several boards can be stacked. Choice fields hold their
 * label, numbers and scales stay numbers, booleans are true / false; several values in one cell
 * (steps, evidence) are separated by line breaks inside the quoted cell.
 */
export type CsvFiles = Record<(typeof EXPORT_CSV_FILES)[number], string>;

export const ITEM_COLUMNS = ['board_id', 'board_title', 'item_id', 'steps', 'zone', 'type', 'title'] as const;
export const ITEM_TRAILING_COLUMNS = ['created_by', 'created_at', 'updated_by', 'updated_at'] as const;
export const CONNECTION_COLUMNS = ['board_id', 'connection_id', 'kind', 'from_id', 'from_title', 'to_id', 'to_title', 'complete'] as const;
export const FIGURE_COLUMNS = ['board_id', 'figure_id', 'figure_label', 'figure_kind', 'figure_status', 'row_key', 'column', 'value', 'row_status'] as const;
export const RUBRIC_COLUMNS = ['board_id', 'date', 'dimension_id', 'dimension', 'score', 'band', 'rationale', 'evidence'] as const;
export const ACTION_COLUMNS = [
  'board_id',
  'action_id',
  'action',
  'owner',
  'due',
  'status',
  'priority_area',
  'source_item_id',
  'source_title',
  'source_exists',
  'created_by',
  'created_at',
  'updated_at',
] as const;
/** One row per step with notes (see ExportNote); `step_id` is empty for the whole board's note. */
export const NOTE_COLUMNS = ['board_id', 'step_id', 'step', 'text', 'markdown'] as const;
/**
 * One row per review question of a step with notes: the phase's questions, answered or not.
 * `answer` is Yes, No, Not yet or empty; `answer_text` the answer in words.
 */
export const REVIEW_COLUMNS = ['board_id', 'step_id', 'step', 'phase_id', 'question_id', 'question', 'answer', 'answer_text', 'answered_by', 'answered_at'] as const;
/**
 * One row per ranked item of a revealed vote round; a round without ranked items (still open,
 * or revealed without dots) has one row with the item cells empty, so no count shows before the
 * reveal.
 */
export const VOTE_COLUMNS = ['board_id', 'round_id', 'step', 'status', 'item_id', 'item_title', 'votes', 'rank'] as const;

export function csvFiles(doc: BoardExport): CsvFiles {
  const boardId = doc.board.id;
  const defs = fieldDefsOf(doc);
  const stepTitle = new Map(doc.steps.map((s) => [s.id, s.title]));

  const itemKeys = fieldKeys(doc.itemTypes);
  const items = csvFile(
    [...ITEM_COLUMNS, ...itemKeys.map((k) => `field:${k}`), ...ITEM_TRAILING_COLUMNS],
    allItems(doc).map((i) => [
      boardId,
      doc.board.title,
      i.id,
      i.stepIds.map((s) => stepTitle.get(s) ?? s).join('\n'),
      i.zoneLabel ?? '',
      i.typeLabel,
      i.title,
      ...itemKeys.map((k) => (k in i.fields ? fieldCell(defs.item(i.type, k), i.fields[k]) : null)),
      i.createdBy,
      i.createdAt,
      i.updatedBy,
      i.updatedAt,
    ]),
  );

  const connectionKeys = fieldKeys(doc.connectorKinds);
  const connections = csvFile(
    [...CONNECTION_COLUMNS, ...connectionKeys.map((k) => `field:${k}`)],
    doc.connections.map((c) => [
      boardId,
      c.id,
      c.kindLabel,
      c.fromId,
      c.fromTitle,
      c.toId,
      c.toTitle,
      c.complete,
      ...connectionKeys.map((k) => (k in c.fields ? fieldCell(defs.connector(c.kind, k), c.fields[k]) : null)),
    ]),
  );

  const figureRows: CsvCell[][] = [];
  for (const f of doc.figures) {
    const head = [boardId, f.id, f.label, f.kind, f.status ?? ''];
    if (f.kind === 'number') {
      figureRows.push([...head, '', 'value', f.value, '']);
      if (f.target !== undefined) figureRows.push([...head, '', 'target', f.target, '']);
    } else if (f.kind === 'table') {
      if (f.rows.length === 0) figureRows.push([...head, '', '', '', '']);
      for (const r of f.rows) {
        f.columns.forEach((col, i) => {
          figureRows.push([...head, r.key, col, r.cells[i] ?? null, r.status ?? '']);
        });
      }
    } else {
      if (f.entries.length === 0) figureRows.push([...head, '', '', '', '']);
      f.entries.forEach((e, i) => {
        figureRows.push([...head, i + 1, 'text', e.text, e.status ?? '']);
      });
    }
  }
  const figures = csvFile(FIGURE_COLUMNS, figureRows);

  const rubric = csvFile(
    RUBRIC_COLUMNS,
    doc.rubric.sessions.flatMap((s) =>
      doc.rubric.dimensions.map((d) => {
        const score = s.scores[d.id];
        return [boardId, s.date, d.id, d.label, score.score, score.bandLabel, score.rationale, shownEvidence(score.evidence).map(evidenceLine).join('\n')];
      }),
    ),
  );

  const actions = csvFile(
    ACTION_COLUMNS,
    doc.actions.map((a) => [
      boardId,
      a.id,
      a.text,
      a.owner,
      a.due,
      a.statusLabel,
      a.priorityArea,
      a.sourceItemId,
      a.sourceTitle,
      a.sourceExists,
      a.createdBy,
      a.createdAt,
      a.updatedAt,
    ]),
  );

  const notes = csvFile(
    NOTE_COLUMNS,
    doc.notes.map((n) => [boardId, n.stepId ?? '', n.stepTitle, n.text, n.markdown]),
  );
  const review = csvFile(
    REVIEW_COLUMNS,
    doc.notes.flatMap((n) =>
      n.review.map((r) => [boardId, n.stepId ?? '', n.stepTitle, r.phaseId, r.questionId, r.question, r.answerLabel, r.text, r.answeredBy ?? '', r.answeredAt ?? '']),
    ),
  );

  const votes = csvFile(
    VOTE_COLUMNS,
    (doc.votes ?? []).flatMap((r): CsvCell[][] =>
      r.ranking?.length
        ? r.ranking.map((e) => [boardId, r.id, r.stepTitle, r.status, e.itemId, e.title, e.votes, e.rank])
        : [[boardId, r.id, r.stepTitle, r.status, '', '', null, null]],
    ),
  );

  return {
    'items.csv': items,
    'connections.csv': connections,
    'figures.csv': figures,
    'rubric.csv': rubric,
    'actions.csv': actions,
    'notes.csv': notes,
    'review.csv': review,
    'votes.csv': votes,
  };
}

/** The CSV files in one zip (deflated, dated with the export time). */
export function csvZip(doc: BoardExport): Uint8Array {
  const mtime = new Date(doc.exportedAt);
  const files = csvFiles(doc);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}
