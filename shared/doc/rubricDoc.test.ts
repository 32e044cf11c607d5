import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_RUBRIC } from './docLayout';
import type { EvidenceEntry } from '../rubric';
import { isCalendarDate, putEvidence, readRubric, removeEvidence, rubricMap, setRationale, setScore } from './rubricDoc';

const DAY = '2025-03-04';

function evidence(over: Partial<EvidenceEntry> = {}): EvidenceEntry {
  return { id: 'uoc:missing-core:k12', text: 'No K-12 partner in the core team', origin: 'proposed', status: 'accepted', itemIds: ['shape:a'], ...over };
}

/** Sends every update of each doc to the other, in both directions. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const empty = { score: null, rationale: '', evidence: [] };

describe('rubric document: writing and reading', () => {
  it('reads a board with no rubric as no sessions', () => {
    expect(readRubric(new Y.Doc())).toEqual([]);
  });

  it('keeps a score per session date and dimension, other dimensions reading as empty', () => {
    const doc = new Y.Doc();
    setScore(doc, DAY, 'industry-engagement', 6);
    expect(readRubric(doc)).toEqual([{ date: DAY, scores: { 'industry-engagement': { score: 6, rationale: '', evidence: [] }, 'regional-coordination': empty, 'career-pathways': empty } }]);
  });

  it('clears a score with null and keeps the rationale beside it', () => {
    const doc = new Y.Doc();
    setScore(doc, DAY, 'career-pathways', 3);
    setRationale(doc, DAY, 'career-pathways', 'Each college runs its own advisory board.');
    setScore(doc, DAY, 'career-pathways', null);
    expect(readRubric(doc)[0].scores['career-pathways']).toEqual({ score: null, rationale: 'Each college runs its own advisory board.', evidence: [] });
  });

  it('lists sessions oldest first', () => {
    const doc = new Y.Doc();
    setScore(doc, '2025-06-01', 'industry-engagement', 5);
    setScore(doc, '2024-11-20', 'industry-engagement', 3);
    setScore(doc, '2025-01-15', 'industry-engagement', 4);
    expect(readRubric(doc).map((s) => [s.date, s.scores['industry-engagement'].score])).toEqual([
      ['2024-11-20', 3],
      ['2025-01-15', 4],
      ['2025-06-01', 5],
    ]);
  });

  it('adds, replaces (by id) and removes evidence, listing it by id', () => {
    const doc = new Y.Doc();
    putEvidence(doc, DAY, 'regional-coordination', evidence({ id: 'b', text: 'Second' }));
    putEvidence(doc, DAY, 'regional-coordination', evidence({ id: 'a', text: 'First', origin: 'team', itemIds: [] }));
    putEvidence(doc, DAY, 'regional-coordination', evidence({ id: 'b', text: 'Second, edited', edited: true, figureId: 'isolated-organizations' }));
    putEvidence(doc, DAY, 'regional-coordination', evidence({ id: 'c', text: 'Not relevant', status: 'dismissed' }));
    expect(readRubric(doc)[0].scores['regional-coordination'].evidence).toEqual([
      { id: 'a', text: 'First', origin: 'team', status: 'accepted', itemIds: [] },
      { id: 'b', text: 'Second, edited', origin: 'proposed', status: 'accepted', itemIds: ['shape:a'], figureId: 'isolated-organizations', edited: true },
      { id: 'c', text: 'Not relevant', origin: 'proposed', status: 'dismissed', itemIds: ['shape:a'] },
    ]);
    removeEvidence(doc, DAY, 'regional-coordination', 'b');
    removeEvidence(doc, DAY, 'regional-coordination', 'never-there');
    expect(readRubric(doc)[0].scores['regional-coordination'].evidence.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('stores a copy of the evidence: changing the object afterwards changes nothing, unknown fields are dropped', () => {
    const doc = new Y.Doc();
    const entry = { ...evidence(), note: 'not part of an entry' } as EvidenceEntry;
    putEvidence(doc, DAY, 'career-pathways', entry);
    entry.itemIds.push('shape:b');
    entry.text = 'changed';
    expect(readRubric(doc)[0].scores['career-pathways'].evidence).toEqual([evidence()]);
  });

  it('accepts ids containing the key separator', () => {
    const doc = new Y.Doc();
    putEvidence(doc, DAY, 'industry-engagement', evidence({ id: 'x|y|z' }));
    expect(readRubric(doc)[0].scores['industry-engagement'].evidence.map((e) => e.id)).toEqual(['x|y|z']);
    removeEvidence(doc, DAY, 'industry-engagement', 'x|y|z');
    // A session is listed while it holds something: this one held only that entry.
    expect(readRubric(doc)).toEqual([]);
  });
});

describe('rubric document: bad input is refused and changes nothing', () => {
  const cases: [string, (doc: Y.Doc) => void, ErrorConstructor][] = [
    ['a date in another format', (d) => setScore(d, '4/3/2025', 'industry-engagement', 5), TypeError],
    ['a date that does not exist', (d) => setScore(d, '2025-02-30', 'industry-engagement', 5), TypeError],
    ['a month 13', (d) => setRationale(d, '2025-13-01', 'industry-engagement', 'x'), TypeError],
    ['an unknown dimension', (d) => setScore(d, DAY, 'fundraising', 5), TypeError],
    ['a score of 0', (d) => setScore(d, DAY, 'industry-engagement', 0), RangeError],
    ['a score of 11', (d) => setScore(d, DAY, 'industry-engagement', 11), RangeError],
    ['a fractional score', (d) => setScore(d, DAY, 'industry-engagement', 5.5), RangeError],
    ['a score as text', (d) => setScore(d, DAY, 'industry-engagement', '5' as never), RangeError],
    ['NaN', (d) => setScore(d, DAY, 'industry-engagement', Number.NaN), RangeError],
    ['a rationale that is not text', (d) => setRationale(d, DAY, 'industry-engagement', 42 as never), TypeError],
    ['a rationale over 5000 characters', (d) => setRationale(d, DAY, 'industry-engagement', 'x'.repeat(5001)), TypeError],
    ['evidence without an id', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ id: '' })), TypeError],
    ['evidence without text', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ text: '   ' })), TypeError],
    ['evidence text over 2000 characters', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ text: 'x'.repeat(2001) })), TypeError],
    ['an unknown status', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ status: 'maybe' as never })), TypeError],
    ['an unknown origin', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ origin: 'robot' as never })), TypeError],
    ['item ids that are not a list', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ itemIds: 'shape:a' as never })), TypeError],
    ['item ids that are not text', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ itemIds: ['shape:a', 7 as never] })), TypeError],
    ['a figure id that is not text', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ figureId: 3 as never })), TypeError],
    ['evidence that is not an object', (d) => putEvidence(d, DAY, 'industry-engagement', null as never), TypeError],
    ['an edited flag that is not true or false', (d) => putEvidence(d, DAY, 'industry-engagement', evidence({ edited: 'yes' as never })), TypeError],
    ['removing with a bad date', (d) => removeEvidence(d, '2025-3-4', 'industry-engagement', 'a'), TypeError],
    ['removing with an empty id', (d) => removeEvidence(d, DAY, 'industry-engagement', ''), TypeError],
  ];

  it.each(cases)('refuses %s', (_name, write, error) => {
    const doc = new Y.Doc();
    setScore(doc, DAY, 'industry-engagement', 4);
    putEvidence(doc, DAY, 'industry-engagement', evidence({ id: 'a' }));
    const before = Y.encodeStateAsUpdate(doc);
    const read = readRubric(doc);
    expect(() => write(doc)).toThrow(error);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readRubric(doc)).toEqual(read);
  });

  it('names the problem in the message', () => {
    const doc = new Y.Doc();
    expect(() => setScore(doc, '2025-02-30', 'industry-engagement', 5)).toThrow(/YYYY-MM-DD, got "2025-02-30"/);
    expect(() => setScore(doc, DAY, 'fundraising', 5)).toThrow(/unknown rubric dimension "fundraising"/);
    expect(() => setScore(doc, DAY, 'industry-engagement', 12)).toThrow(/1 to 10, got 12/);
    expect(() => putEvidence(doc, DAY, 'industry-engagement', evidence({ status: 'maybe' as never }))).toThrow(/status .* got "maybe"/);
  });

  it('knows real calendar dates', () => {
    expect(['2024-02-29', '2025-12-31', '2025-01-01'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '2025-04-31', '2025-00-10', '25-01-01', '2025-01-01T00:00', '', 20250101].map(isCalendarDate)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('rubric document: two people at once', () => {
  it('keeps both scores when two people open the same new session on different dimensions', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setScore(a, DAY, 'industry-engagement', 6);
    setRationale(a, DAY, 'industry-engagement', 'Two employer-led tables meet monthly.');
    setScore(b, DAY, 'regional-coordination', 4);
    putEvidence(b, DAY, 'career-pathways', evidence());
    sync(a, b);
    expect(readRubric(a)).toEqual(readRubric(b));
    expect(readRubric(a)).toEqual([
      {
        date: DAY,
        scores: {
          'industry-engagement': { score: 6, rationale: 'Two employer-led tables meet monthly.', evidence: [] },
          'regional-coordination': { score: 4, rationale: '', evidence: [] },
          'career-pathways': { score: null, rationale: '', evidence: [evidence()] },
        },
      },
    ]);
  });

  it('keeps one person\'s score and the other\'s rationale and evidence on the same dimension', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setScore(a, DAY, 'career-pathways', 2);
    putEvidence(a, DAY, 'career-pathways', evidence({ id: 'from-a' }));
    setRationale(b, DAY, 'career-pathways', 'Pathways stop at the college door.');
    putEvidence(b, DAY, 'career-pathways', evidence({ id: 'from-b', origin: 'team' }));
    sync(a, b);
    const dim = readRubric(a)[0].scores['career-pathways'];
    expect(dim).toEqual(readRubric(b)[0].scores['career-pathways']);
    expect(dim.score).toBe(2);
    expect(dim.rationale).toBe('Pathways stop at the college door.');
    expect(dim.evidence.map((e) => e.id)).toEqual(['from-a', 'from-b']);
  });

  it('settles two scores given to the same dimension at once on one value for both', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setScore(a, DAY, 'industry-engagement', 3);
    setScore(b, DAY, 'industry-engagement', 7);
    sync(a, b);
    const score = readRubric(a)[0].scores['industry-engagement'].score;
    expect([3, 7]).toContain(score);
    expect(readRubric(b)[0].scores['industry-engagement'].score).toBe(score);
  });

  it('lets a removal on one side and an unrelated edit on the other both land', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    putEvidence(a, DAY, 'industry-engagement', evidence({ id: 'x' }));
    sync(a, b);
    removeEvidence(a, DAY, 'industry-engagement', 'x');
    setScore(b, DAY, 'industry-engagement', 5);
    sync(a, b);
    expect(readRubric(a)).toEqual(readRubric(b));
    expect(readRubric(a)[0].scores['industry-engagement']).toEqual({ score: 5, rationale: '', evidence: [] });
  });
});

describe('rubric document: reading ignores junk', () => {
  it('skips keys, dates, dimensions and values it does not understand', () => {
    const doc = new Y.Doc();
    const m = rubricMap(doc);
    doc.transact(() => {
      m.set(`${DAY}|industry-engagement|score`, 7);
      m.set(`${DAY}|regional-coordination|score`, 42);
      m.set(`${DAY}|career-pathways|score`, '5');
      m.set(`${DAY}|career-pathways|rationale`, { text: 'not a string' });
      m.set(`${DAY}|fundraising|score`, 5);
      m.set('2025-02-30|industry-engagement|score', 5);
      m.set('yesterday|industry-engagement|score', 5);
      m.set(`${DAY}|industry-engagement|colour`, 'blue');
      m.set('something else entirely', 1);
      m.set(`${DAY}|industry-engagement|evidence|ok`, evidence({ id: 'ok' }));
      m.set(`${DAY}|industry-engagement|evidence|no-text`, { id: 'no-text', origin: 'team', status: 'accepted', itemIds: [] });
      m.set(`${DAY}|industry-engagement|evidence|bad-ids`, { ...evidence({ id: 'bad-ids' }), itemIds: [1, 2] });
      m.set(`${DAY}|industry-engagement|evidence|a-string`, 'No K-12 partner');
      m.set(`${DAY}|industry-engagement|evidence|other-id`, evidence({ id: 'mismatch' }));
      m.set(`${DAY}|industry-engagement|evidence|null`, null);
    });
    expect(readRubric(doc)).toEqual([
      {
        date: DAY,
        scores: {
          'industry-engagement': { score: 7, rationale: '', evidence: [evidence({ id: 'ok' })] },
          'regional-coordination': empty,
          'career-pathways': empty,
        },
      },
    ]);
  });

  it('reads the earlier nested form, junk inside it skipped, with flat values written since taking precedence', () => {
    const doc = new Y.Doc();
    const root = doc.getMap<unknown>(DOC_RUBRIC);
    doc.transact(() => {
      const session = new Y.Map<unknown>();
      root.set('2024-10-01', session);
      const dim = new Y.Map<unknown>();
      session.set('industry-engagement', dim);
      dim.set('score', 4);
      dim.set('rationale', 'Sporadic attendance at the advisory boards.');
      const ev = new Y.Map<unknown>();
      dim.set('evidence', ev);
      ev.set('a', evidence({ id: 'a' }));
      ev.set('junk', { id: 'junk' });
      session.set('regional-coordination', 'not a map');
      session.set('marketing', new Y.Map());
      root.set('not-a-date', new Y.Map());
    });
    setScore(doc, '2024-10-01', 'industry-engagement', 5);
    expect(readRubric(doc)).toEqual([
      {
        date: '2024-10-01',
        scores: {
          'industry-engagement': { score: 5, rationale: 'Sporadic attendance at the advisory boards.', evidence: [evidence({ id: 'a' })] },
          'regional-coordination': empty,
          'career-pathways': empty,
        },
      },
    ]);
    removeEvidence(doc, '2024-10-01', 'industry-engagement', 'a');
    expect(readRubric(doc)[0].scores['industry-engagement'].evidence).toEqual([]);
  });
});
