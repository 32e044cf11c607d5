import * as Y from 'yjs';
import { DOC_RUBRIC } from './docLayout';
import { isValidScore, RUBRIC_DIMENSION_IDS, type DimensionScore, type EvidenceEntry, type RubricDimensionId, type RubricSession } from './rubric';

/**
 * Reading and writing rubric scores in a board's Y.Doc: rubric → session date → dimension →
 * { score, rationale, evidence (Y.Map id → EvidenceEntry) }. Writers validate and throw a
 * TypeError or RangeError on bad input, leaving the document unchanged.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function rubricMap(doc: Y.Doc): Y.Map<Y.Map<Y.Map<unknown>>> {
  return doc.getMap<Y.Map<Y.Map<unknown>>>(DOC_RUBRIC);
}

function checkDate(date: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new TypeError(`session date must be YYYY-MM-DD, got "${date}"`);
}

function checkDimension(dimension: string): asserts dimension is RubricDimensionId {
  if (!RUBRIC_DIMENSION_IDS.includes(dimension as RubricDimensionId)) throw new TypeError(`unknown rubric dimension "${dimension}"`);
}

function emptyScore(): DimensionScore {
  return { score: null, rationale: '', evidence: [] };
}

function readDimension(m: Y.Map<unknown> | undefined): DimensionScore {
  if (!(m instanceof Y.Map)) return emptyScore();
  const score = m.get('score');
  const rationale = m.get('rationale');
  const evidence = m.get('evidence');
  const entries: EvidenceEntry[] = [];
  if (evidence instanceof Y.Map) {
    for (const [, e] of evidence) if (e && typeof e === 'object') entries.push(e as EvidenceEntry);
    entries.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return { score: isValidScore(score) ? score : null, rationale: typeof rationale === 'string' ? rationale : '', evidence: entries };
}

/** Every session, oldest first; dimensions never scored read as empty. */
export function readRubric(doc: Y.Doc): RubricSession[] {
  const out: RubricSession[] = [];
  for (const [date, session] of rubricMap(doc)) {
    if (!DATE.test(date) || !(session instanceof Y.Map)) continue;
    const scores = Object.fromEntries(RUBRIC_DIMENSION_IDS.map((d) => [d, readDimension(session.get(d))])) as RubricSession['scores'];
    out.push({ date, scores });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function dimensionMap(doc: Y.Doc, date: string, dimension: RubricDimensionId): Y.Map<unknown> {
  const rubric = rubricMap(doc);
  let session = rubric.get(date);
  if (!(session instanceof Y.Map)) {
    session = new Y.Map();
    rubric.set(date, session);
  }
  let dim = session.get(dimension);
  if (!(dim instanceof Y.Map)) {
    dim = new Y.Map<unknown>();
    dim.set('evidence', new Y.Map());
    session.set(dimension, dim);
  }
  return dim;
}

/** Sets (or clears, with null) a dimension's score for a session. */
export function setScore(doc: Y.Doc, date: string, dimension: string, score: number | null): void {
  checkDate(date);
  checkDimension(dimension);
  if (score !== null && !isValidScore(score)) throw new RangeError(`A rubric score is a whole number from 1 to 10, got ${score}`);
  doc.transact(() => dimensionMap(doc, date, dimension).set('score', score));
}

export function setRationale(doc: Y.Doc, date: string, dimension: string, rationale: string): void {
  checkDate(date);
  checkDimension(dimension);
  if (typeof rationale !== 'string' || rationale.length > 5000) throw new TypeError('rationale must be text of at most 5000 characters');
  doc.transact(() => dimensionMap(doc, date, dimension).set('rationale', rationale));
}

/** Adds or replaces one evidence entry (by id) of a dimension. */
export function putEvidence(doc: Y.Doc, date: string, dimension: string, entry: EvidenceEntry): void {
  checkDate(date);
  checkDimension(dimension);
  if (!entry.id || typeof entry.text !== 'string' || entry.text.length > 2000) throw new TypeError('evidence needs an id and a text of at most 2000 characters');
  if (!['proposed', 'accepted', 'dismissed'].includes(entry.status)) throw new TypeError(`bad evidence status "${entry.status}"`);
  doc.transact(() => {
    const evidence = dimensionMap(doc, date, dimension).get('evidence') as Y.Map<EvidenceEntry>;
    evidence.set(entry.id, { ...entry, itemIds: [...entry.itemIds] });
  });
}

export function removeEvidence(doc: Y.Doc, date: string, dimension: string, id: string): void {
  checkDate(date);
  checkDimension(dimension);
  const session = rubricMap(doc).get(date);
  const dim = session instanceof Y.Map ? session.get(dimension) : undefined;
  const evidence = dim instanceof Y.Map ? dim.get('evidence') : undefined;
  if (evidence instanceof Y.Map) evidence.delete(id);
}
