import { describe, expect, it } from 'vitest';
import { manyTablesManyKnocks } from '../many-tables-many-knocks';
import { EXERCISES, getExercise, getTemplate } from '../registry';
import { universeOfConnections } from '../universe-of-connections';

describe('the exercise registry', () => {
  it('finds Many Tables, Many Knocks and Universe of Connections under their template ids', () => {
    expect(getExercise('many-tables-many-knocks')).toBe(manyTablesManyKnocks);
    expect(getExercise('universe-of-connections')).toBe(universeOfConnections);
  });

  it('finds every exercise and its template under its own id, and nothing under an unknown one', () => {
    for (const exercise of EXERCISES) {
      expect(getExercise(exercise.template.id)).toBe(exercise);
      expect(getTemplate(exercise.template.id)).toBe(exercise.template);
    }
    expect(new Set(EXERCISES.map((e) => e.template.id)).size).toBe(EXERCISES.length);
    expect(getExercise('no-such-exercise')).toBeUndefined();
  });
});
