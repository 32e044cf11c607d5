import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readReview, readStepReview, reviewMap, setReviewTick } from './reviewDoc';

const AT = new Date('2026-05-04T10:00:00.000Z');

describe('review ticks in the doc', () => {
  it('stores one register per step and question, with who and when', () => {
    const doc = new Y.Doc();
    setReviewTick(doc, 'map-tables', 'industry-scope.footprint', true, 'Ada', AT);
    setReviewTick(doc, null, 'launch.next-steps', true, ' Bo ', AT);
    expect(reviewMap(doc).toJSON()).toEqual({
      'map-tables|industry-scope.footprint': { checked: true, by: 'Ada', at: '2026-05-04T10:00:00.000Z' },
      'board|launch.next-steps': { checked: true, by: 'Bo', at: '2026-05-04T10:00:00.000Z' },
    });
    expect(readStepReview(doc, null).get('launch.next-steps')).toEqual({ checked: true, by: 'Bo', at: '2026-05-04T10:00:00.000Z' });
    setReviewTick(doc, 'map-tables', 'industry-scope.footprint', false, '', AT);
    expect(readStepReview(doc, 'map-tables').get('industry-scope.footprint')).toEqual({ checked: false, by: 'Anonymous', at: '2026-05-04T10:00:00.000Z' });
  });

  it('keeps both ticks when two people tick two questions at the same time', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setReviewTick(a, 's', 'launch.critical-mass', true, 'Ada', AT);
    setReviewTick(b, 's', 'launch.next-steps', true, 'Bo', AT);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect([...readStepReview(doc, 's').entries()].map(([q, t]) => [q, t.by]).sort()).toEqual([
        ['launch.critical-mass', 'Ada'],
        ['launch.next-steps', 'Bo'],
      ]);
    }
  });

  it('refuses bad input and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => setReviewTick(doc, 'a|b', 'launch.next-steps', true, 'x')).toThrow(TypeError);
    expect(() => setReviewTick(doc, 's', 'no-dot', true, 'x')).toThrow(TypeError);
    expect(() => setReviewTick(doc, 's', 'launch.next-steps', 'yes' as never, 'x')).toThrow(TypeError);
    expect(() => setReviewTick(doc, 's', 'launch.next-steps', true, 'x'.repeat(201))).toThrow(TypeError);
    expect(() => setReviewTick(doc, 's', 'launch.next-steps', true, 'x', new Date('nope'))).toThrow(RangeError);
    expect(reviewMap(doc).size).toBe(0);
  });

  it('skips junk when reading', () => {
    const doc = new Y.Doc();
    const map = reviewMap(doc);
    map.set('no-separator', { checked: true, by: 'x', at: 'y' });
    map.set('s|launch.next-steps', { checked: 'yes', by: 'x', at: 'y' });
    map.set('s|not a question', { checked: true, by: 'x', at: 'y' });
    map.set('s|launch.critical-mass', 'ticked');
    map.set('s|launch.follow-up', { checked: true, by: 'Ada', at: '2026-05-04T10:00:00.000Z', extra: 1 });
    expect([...readReview(doc).entries()].map(([k, v]) => [k, [...v.keys()]])).toEqual([['s', ['launch.follow-up']]]);
    expect(readStepReview(doc, 's').get('launch.follow-up')).toEqual({ checked: true, by: 'Ada', at: '2026-05-04T10:00:00.000Z' });
  });
});
