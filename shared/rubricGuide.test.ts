import { describe, expect, it } from 'vitest';
import { RUBRIC_BANDS, RUBRIC_DIMENSION_IDS } from './rubric';
import { guideFor, RUBRIC_GUIDE, RUBRIC_GUIDES } from './rubricGuide';

describe('rubric guide', () => {
  it('describes the three dimensions in order, each with a guidepost and advice for all four bands', () => {
    expect(RUBRIC_GUIDES.map((g) => g.id)).toEqual([...RUBRIC_DIMENSION_IDS]);
    expect(RUBRIC_GUIDES.map((g) => g.title)).toEqual(['Industry engagement', 'Regional coordination', 'Career pathway systems']);
    for (const g of RUBRIC_GUIDES) {
      expect(g.description.length).toBeGreaterThan(20);
      expect(Object.keys(g.bands).sort()).toEqual(RUBRIC_BANDS.map((b) => b.id).sort());
      for (const band of Object.values(g.bands)) {
        expect(band.guidepost.trim().length).toBeGreaterThan(40);
        expect(band.next.trim().length).toBeGreaterThan(40);
        // Short enough to read beside a score.
        expect(band.guidepost.length).toBeLessThanOrEqual(320);
        expect(band.next.length).toBeLessThanOrEqual(360);
      }
    }
  });

  it('gives different guidance in every band of a dimension', () => {
    for (const g of RUBRIC_GUIDES) {
      const texts = Object.values(g.bands).flatMap((b) => [b.guidepost, b.next]);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it.each([
    [1, 'exploring'],
    [3, 'exploring'],
    [4, 'developing'],
    [5, 'developing'],
    [6, 'active'],
    [8, 'active'],
    [9, 'role-model'],
    [10, 'role-model'],
  ])('reads score %i as the %s band', (score, band) => {
    const g = guideFor('career-pathways', score);
    expect(g.band.id).toBe(band);
    expect(g.guidepost).toBe(RUBRIC_GUIDE['career-pathways'].bands[band as keyof (typeof RUBRIC_GUIDE)['career-pathways']['bands']].guidepost);
  });

  it('refuses a score outside 1-10', () => {
    expect(() => guideFor('industry-engagement', 0)).toThrow(RangeError);
    expect(() => guideFor('industry-engagement', 7.5)).toThrow(RangeError);
  });
});
