import { describe, expect, it } from 'vitest';
import { blank } from '../blank';
import { EXERCISES } from '../registry';
import { manyTablesManyKnocks } from '../many-tables-many-knocks';
import type { ExerciseDef } from '../kit/definitions';
import { count, nameList, proposeEvidence, proposer, verb } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';

describe('proposing rubric evidence', () => {
  it('proposes nothing for an exercise without evidence rules', () => {
    const { board, results } = extractFixture(blank, fixtureFor(blank).build());
    expect(blank.evidence).toBeUndefined();
    expect(proposeEvidence(blank, board, results)).toEqual([]);
  });

  it('gives every exercise with cards an evidence rule', () => {
    expect(EXERCISES.filter((e) => e.itemTypes.length > 0 && !e.evidence).map((e) => e.template.id)).toEqual([]);
  });

  it('proposes nothing on an empty board of any exercise', () => {
    for (const exercise of EXERCISES) {
      const { board, results } = extractFixture(exercise, fixtureFor(exercise).build());
      expect(proposeEvidence(exercise, board, results), exercise.template.id).toEqual([]);
    }
  });

  it('keeps the first proposal of an id that comes twice', () => {
    const p = proposer('x');
    const twice: ExerciseDef = { ...manyTablesManyKnocks, evidence: () => [p('r', 'k', 'career-pathways', 'first'), p('r', 'k', 'career-pathways', 'second'), p('r', 'j', 'career-pathways', 'other')] };
    const { board, results } = extractFixture(twice, fixtureFor(twice).build());
    expect(proposeEvidence(twice, board, results).map((e) => e.text)).toEqual(['first', 'other']);
  });

  it('builds ids from the exercise, rule and key, listing each item once', () => {
    expect(proposer('journey-map')('handoffs', 'board', 'regional-coordination', 'text', ['a', 'b', 'a'], 'fig')).toEqual({
      id: 'journey-map:handoffs:board',
      dimension: 'regional-coordination',
      text: 'text',
      itemIds: ['a', 'b'],
      figureId: 'fig',
    });
    expect(proposer('x')('r', 'k', 'career-pathways', 't')).toEqual({ id: 'x:r:k', dimension: 'career-pathways', text: 't', itemIds: [] });
  });
});

describe('evidence sentences', () => {
  it('counts with singular and plural nouns and verbs', () => {
    expect([count(0, 'knock'), count(1, 'knock'), count(2, 'knock'), count(2, 'business', 'businesses')]).toEqual(['0 knocks', '1 knock', '2 knocks', '2 businesses']);
    expect([verb(1, 'is', 'are'), verb(3, 'is', 'are')]).toEqual(['is', 'are']);
  });

  it('lists names with "and", cutting long lists', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['A'])).toBe('A');
    expect(nameList(['A', 'B'])).toBe('A and B');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(nameList(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
    expect(nameList(['A', 'B', 'C'], 2)).toBe('A, B and 1 more');
  });
});
