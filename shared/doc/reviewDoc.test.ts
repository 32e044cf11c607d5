import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isAnswered, readReview, readStepReview, reviewMap, setReviewAnswer, setReviewText } from './reviewDoc';

const AT = new Date('2026-05-04T10:00:00.000Z');
const LATER = new Date('2026-05-04T11:00:00.000Z');

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('review answers in the doc', () => {
  it('stores the choice and the text of a question in two registers, with who and when', () => {
    const doc = new Y.Doc();
    setReviewAnswer(doc, 'map-tables', 'industry-scope.footprint', 'not-yet', 'Ada', AT);
    setReviewText(doc, 'map-tables', 'industry-scope.footprint', 'Two counties or five: still open', ' Bo ', LATER);
    setReviewAnswer(doc, null, 'launch.next-steps', 'yes', ' Bo ', AT);
    expect(reviewMap(doc).toJSON()).toEqual({
      'map-tables|industry-scope.footprint': { answer: 'not-yet', checked: false, by: 'Ada', at: '2026-05-04T10:00:00.000Z' },
      'map-tables|industry-scope.footprint|text': { text: 'Two counties or five: still open', by: 'Bo', at: '2026-05-04T11:00:00.000Z' },
      // "yes" also writes checked: true, so a reader that only knows ticks reads it as done.
      'board|launch.next-steps': { answer: 'yes', checked: true, by: 'Bo', at: '2026-05-04T10:00:00.000Z' },
    });
    expect(readStepReview(doc, 'map-tables').get('industry-scope.footprint')).toEqual({
      answer: 'not-yet',
      text: 'Two counties or five: still open',
      by: 'Ada',
      at: '2026-05-04T10:00:00.000Z',
      textBy: 'Bo',
      textAt: '2026-05-04T11:00:00.000Z',
    });
    expect(readStepReview(doc, null).get('launch.next-steps')).toMatchObject({ answer: 'yes', text: '' });
  });

  it('clears a choice with null; an empty text with no choice is not an answer', () => {
    const doc = new Y.Doc();
    setReviewAnswer(doc, 's', 'launch.next-steps', 'no', '', AT);
    setReviewAnswer(doc, 's', 'launch.next-steps', null, 'Ada', LATER);
    const a = readStepReview(doc, 's').get('launch.next-steps');
    expect(a).toMatchObject({ answer: null, by: 'Ada' });
    expect(isAnswered(a)).toBe(false);
    setReviewText(doc, 's', 'launch.next-steps', 'Two calls booked', 'Ada', LATER);
    expect(isAnswered(readStepReview(doc, 's').get('launch.next-steps'))).toBe(true);
  });

  it('reads a tick of an earlier board as yes and an untick as not answered', () => {
    const doc = new Y.Doc();
    reviewMap(doc).set('s|launch.critical-mass', { checked: true, by: 'Ada', at: '2026-01-10T09:00:00.000Z' });
    reviewMap(doc).set('s|launch.next-steps', { checked: false, by: 'Bo', at: '2026-01-10T09:00:00.000Z' });
    const answers = readStepReview(doc, 's');
    expect(answers.get('launch.critical-mass')).toEqual({ answer: 'yes', text: '', by: 'Ada', at: '2026-01-10T09:00:00.000Z', textBy: '', textAt: '' });
    expect(answers.get('launch.next-steps')?.answer).toBeNull();
    expect(isAnswered(answers.get('launch.next-steps'))).toBe(false);
  });

  it('keeps both edits when one person answers while another writes the text of the same question', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setReviewAnswer(a, 's', 'launch.critical-mass', 'no', 'Ada', AT);
    setReviewText(b, 's', 'launch.critical-mass', 'Only six of twenty came', 'Bo', AT);
    setReviewAnswer(b, 's', 'launch.next-steps', 'yes', 'Bo', AT);
    sync(a, b);
    for (const doc of [a, b]) {
      const answers = readStepReview(doc, 's');
      expect(answers.get('launch.critical-mass')).toMatchObject({ answer: 'no', by: 'Ada', text: 'Only six of twenty came', textBy: 'Bo' });
      expect(answers.get('launch.next-steps')).toMatchObject({ answer: 'yes', by: 'Bo' });
    }
  });

  it('resolves two choices of one question at once to the same one everywhere', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setReviewAnswer(a, 's', 'launch.critical-mass', 'no', 'Ada', AT);
    setReviewAnswer(b, 's', 'launch.critical-mass', 'yes', 'Bo', AT);
    sync(a, b);
    expect(readStepReview(a, 's').get('launch.critical-mass')).toEqual(readStepReview(b, 's').get('launch.critical-mass'));
  });

  it('refuses bad input and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => setReviewAnswer(doc, 'a|b', 'launch.next-steps', 'yes', 'x')).toThrow(TypeError);
    expect(() => setReviewAnswer(doc, 's', 'no-dot', 'yes', 'x')).toThrow(TypeError);
    expect(() => setReviewAnswer(doc, 's', 'launch.next-steps', true as never, 'x')).toThrow(TypeError);
    expect(() => setReviewAnswer(doc, 's', 'launch.next-steps', 'maybe' as never, 'x')).toThrow(TypeError);
    expect(() => setReviewAnswer(doc, 's', 'launch.next-steps', 'yes', 'x'.repeat(201))).toThrow(TypeError);
    expect(() => setReviewAnswer(doc, 's', 'launch.next-steps', 'yes', 'x', new Date('nope'))).toThrow(RangeError);
    expect(() => setReviewText(doc, 's', 'launch.next-steps', 'x'.repeat(501), 'x')).toThrow(TypeError);
    expect(() => setReviewText(doc, 's', 'launch.next-steps', 42 as never, 'x')).toThrow(TypeError);
    expect(reviewMap(doc).size).toBe(0);
  });

  it('skips junk when reading', () => {
    const doc = new Y.Doc();
    const map = reviewMap(doc);
    map.set('no-separator', { checked: true, by: 'x', at: 'y' });
    map.set('s|launch.next-steps', { checked: 'yes', by: 'x', at: 'y' });
    map.set('s|launch.critical-mass', { answer: 'perhaps', by: 'x', at: 'y' });
    map.set('s|launch.critical-mass|text', { text: 7, by: 'x', at: 'y' });
    map.set('s|not a question', { answer: 'yes', by: 'x', at: 'y' });
    map.set('s|launch.owned-priorities', 'ticked');
    map.set('s|launch.partner-debrief|text', { text: 'No by', at: 'y' });
    map.set('s|launch.follow-up', { answer: 'not-yet', by: 'Ada', at: '2026-05-04T10:00:00.000Z', extra: 1 });
    expect([...readReview(doc).entries()].map(([k, v]) => [k, [...v.keys()]])).toEqual([['s', ['launch.follow-up']]]);
    expect(readStepReview(doc, 's').get('launch.follow-up')).toMatchObject({ answer: 'not-yet', by: 'Ada' });
  });
});
