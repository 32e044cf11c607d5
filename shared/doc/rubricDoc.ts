import * as Y from 'yjs';
import { DOC_RUBRIC } from './docLayout';
import { isValidScore, RUBRIC_DIMENSION_IDS, type DimensionScore, type EvidenceEntry, type RubricDimensionId, type RubricAssessment } from '../rubric';

/**
 * Reading and writing rubric scores in a board's Y.Doc. Writers validate and throw a TypeError or
 * RangeError on bad input, leaving the document unchanged; readers skip anything malformed.
 *
 * Layout: one flat Y.Map (DOC_RUBRIC) whose keys name one value each:
 *   `<date>|<dimension>|score`            → number 1-10 or null
 *   `<date>|<dimension>|rationale`        → string
 *   `<date>|<dimension>|evidence|<id>`    → EvidenceEntry (plain JSON)
 * Every value is its own last-writer-wins register, so two people who start the same assessment at
 * the same time (or offline), or edit different parts of one dimension, never overwrite each
 * other: nested maps created concurrently under one key would keep only one of them.
 *
 * Reading also accepts the earlier nested form (date → Y.Map of dimension → Y.Map { score,
 * rationale, evidence: Y.Map }); flat values take precedence over nested ones.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^(\d{4}-\d{2}-\d{2})\|([a-z-]+)\|(score|rationale|evidence\|(.+))$/s;
const SEP = '|';

export const MAX_RATIONALE = 5000;
export const MAX_EVIDENCE_TEXT = 2000;
export const MAX_EVIDENCE_ID = 200;
export const MAX_EVIDENCE_ITEMS = 500;

export function rubricMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DOC_RUBRIC);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(date: unknown): date is string {
  if (typeof date !== 'string' || !DATE.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

function isDimension(d: unknown): d is RubricDimensionId {
  return RUBRIC_DIMENSION_IDS.includes(d as RubricDimensionId);
}

function checkDate(date: unknown): asserts date is string {
  if (!isCalendarDate(date)) throw new TypeError(`assessment date must be a calendar date written YYYY-MM-DD, got "${String(date)}"`);
}

function checkDimension(dimension: unknown): asserts dimension is RubricDimensionId {
  if (!isDimension(dimension)) throw new TypeError(`unknown rubric dimension "${String(dimension)}"`);
}

const STATUSES: readonly EvidenceEntry['status'][] = ['proposed', 'accepted', 'dismissed'];
const ORIGINS: readonly EvidenceEntry['origin'][] = ['proposed', 'team'];

/** What is wrong with an evidence entry, or null when it is valid. */
export function evidenceProblem(entry: unknown): string | null {
  if (!entry || typeof entry !== 'object') return 'evidence must be an object';
  const e = entry as Partial<Record<keyof EvidenceEntry, unknown>>;
  if (typeof e.id !== 'string' || e.id.trim() === '' || e.id.length > MAX_EVIDENCE_ID) return `evidence needs an id of 1 to ${MAX_EVIDENCE_ID} characters`;
  if (typeof e.text !== 'string' || e.text.trim() === '' || e.text.length > MAX_EVIDENCE_TEXT) return `evidence needs a text of 1 to ${MAX_EVIDENCE_TEXT} characters`;
  if (!ORIGINS.includes(e.origin as EvidenceEntry['origin'])) return `evidence origin must be ${ORIGINS.join(' or ')}, got "${String(e.origin)}"`;
  if (!STATUSES.includes(e.status as EvidenceEntry['status'])) return `evidence status must be ${STATUSES.join(', ')}, got "${String(e.status)}"`;
  if (!Array.isArray(e.itemIds) || e.itemIds.length > MAX_EVIDENCE_ITEMS || !e.itemIds.every((i) => typeof i === 'string' && i !== '')) {
    return `evidence itemIds must be a list of at most ${MAX_EVIDENCE_ITEMS} item ids`;
  }
  if (e.figureId !== undefined && (typeof e.figureId !== 'string' || e.figureId === '')) return 'evidence figureId must be a figure id when given';
  if (e.edited !== undefined && typeof e.edited !== 'boolean') return 'evidence edited must be true or false when given';
  return null;
}

/** A clean copy holding only the entry's known fields. */
function cleanEntry(e: EvidenceEntry): EvidenceEntry {
  const out: EvidenceEntry = { id: e.id, text: e.text, origin: e.origin, status: e.status, itemIds: [...e.itemIds] };
  if (e.figureId !== undefined) out.figureId = e.figureId;
  if (e.edited) out.edited = true;
  return out;
}

function emptyScore(): DimensionScore {
  return { score: null, rationale: '', evidence: [] };
}

interface Draft {
  score?: number | null;
  rationale?: string;
  evidence: Map<string, EvidenceEntry>;
}

/** Every assessment (one per date) holding any value, oldest first; dimensions never scored read as empty. */
export function readRubric(doc: Y.Doc): RubricAssessment[] {
  const assessments = new Map<string, Map<RubricDimensionId, Draft>>();
  const draft = (date: string, dim: RubricDimensionId): Draft => {
    let s = assessments.get(date);
    if (!s) assessments.set(date, (s = new Map()));
    let d = s.get(dim);
    if (!d) s.set(dim, (d = { evidence: new Map() }));
    return d;
  };
  const nested: [string, RubricDimensionId, Y.Map<unknown>][] = [];
  const flat: [string, RubricDimensionId, string, string | undefined, unknown][] = [];
  for (const [key, value] of rubricMap(doc)) {
    if (value instanceof Y.Map) {
      if (!isCalendarDate(key)) continue;
      for (const [dim, m] of value) if (isDimension(dim) && m instanceof Y.Map) nested.push([key, dim, m]);
      continue;
    }
    const k = KEY.exec(key);
    if (!k || !isCalendarDate(k[1]) || !isDimension(k[2])) continue;
    flat.push([k[1], k[2], k[3].startsWith('evidence') ? 'evidence' : k[3], k[4], value]);
  }
  // The earlier nested form first, so flat values written since take precedence.
  for (const [date, dim, m] of nested) {
    const d = draft(date, dim);
    const score = m.get('score');
    if (score === null || isValidScore(score)) d.score = score;
    const rationale = m.get('rationale');
    if (typeof rationale === 'string') d.rationale = rationale;
    const evidence = m.get('evidence');
    if (evidence instanceof Y.Map) {
      for (const [id, e] of evidence) if (evidenceProblem(e) === null && (e as EvidenceEntry).id === id) d.evidence.set(id, cleanEntry(e as EvidenceEntry));
    }
  }
  for (const [date, dim, field, id, value] of flat) {
    if (field === 'score') {
      if (value === null || isValidScore(value)) draft(date, dim).score = value;
    } else if (field === 'rationale') {
      if (typeof value === 'string') draft(date, dim).rationale = value;
    } else if (id !== undefined && evidenceProblem(value) === null && (value as EvidenceEntry).id === id) {
      draft(date, dim).evidence.set(id, cleanEntry(value as EvidenceEntry));
    }
  }
  const out: RubricAssessment[] = [];
  for (const [date, dims] of assessments) {
    const scores = {} as RubricAssessment['scores'];
    for (const dim of RUBRIC_DIMENSION_IDS) {
      const d = dims.get(dim);
      scores[dim] = d
        ? { score: d.score ?? null, rationale: d.rationale ?? '', evidence: [...d.evidence.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) }
        : emptyScore();
    }
    out.push({ date, scores });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

const key = (date: string, dimension: RubricDimensionId, field: string) => [date, dimension, field].join(SEP);

/**
 * What is wrong with writing `value` under `key` of the rubric map, or null when a writer of this
 * module could have written it (the relay refuses anything else from a client). Only the flat
 * form is accepted: the nested form is read, never written any more.
 */
export function rubricValueProblem(key: string, value: unknown): string | null {
  const k = KEY.exec(key);
  if (!k || !isCalendarDate(k[1]) || !isDimension(k[2])) return `"${key.slice(0, 80)}" is not a rubric key`;
  if (k[3] === 'score') return value === null || isValidScore(value) ? null : 'a rubric score is a whole number from 1 to 10, or null';
  if (k[3] === 'rationale') {
    return typeof value === 'string' && value.length <= MAX_RATIONALE ? null : `a rationale is text of at most ${MAX_RATIONALE} characters`;
  }
  const problem = evidenceProblem(value);
  if (problem) return problem;
  return (value as EvidenceEntry).id === k[4] ? null : 'an evidence entry is kept under its own id';
}

/** Sets (or clears, with null) a dimension's score for an assessment date. */
export function setScore(doc: Y.Doc, date: string, dimension: string, score: number | null): void {
  checkDate(date);
  checkDimension(dimension);
  if (score !== null && !isValidScore(score)) throw new RangeError(`A rubric score is a whole number from 1 to 10, got ${score}`);
  rubricMap(doc).set(key(date, dimension, 'score'), score);
}

export function setRationale(doc: Y.Doc, date: string, dimension: string, rationale: string): void {
  checkDate(date);
  checkDimension(dimension);
  if (typeof rationale !== 'string' || rationale.length > MAX_RATIONALE) throw new TypeError(`rationale must be text of at most ${MAX_RATIONALE} characters`);
  rubricMap(doc).set(key(date, dimension, 'rationale'), rationale);
}

/** Adds or replaces one evidence entry (by id) of a dimension. */
export function putEvidence(doc: Y.Doc, date: string, dimension: string, entry: EvidenceEntry): void {
  checkDate(date);
  checkDimension(dimension);
  const problem = evidenceProblem(entry);
  if (problem) throw new TypeError(problem);
  rubricMap(doc).set(key(date, dimension, `evidence${SEP}${entry.id}`), cleanEntry(entry));
}

/** Removes one evidence entry of a dimension (from the nested form too); unknown ids are ignored. */
export function removeEvidence(doc: Y.Doc, date: string, dimension: string, id: string): void {
  checkDate(date);
  checkDimension(dimension);
  if (typeof id !== 'string' || id === '') throw new TypeError('evidence id must be a non-empty string');
  const rubric = rubricMap(doc);
  const flatKey = key(date, dimension, `evidence${SEP}${id}`);
  const assessment = rubric.get(date);
  const dim = assessment instanceof Y.Map ? assessment.get(dimension) : undefined;
  const nested = dim instanceof Y.Map ? dim.get('evidence') : undefined;
  const inNested = nested instanceof Y.Map && nested.has(id);
  if (!rubric.has(flatKey) && !inNested) return;
  doc.transact(() => {
    rubric.delete(flatKey);
    if (inNested) (nested as Y.Map<unknown>).delete(id);
  });
}
