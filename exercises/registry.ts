import type { ExerciseTemplate } from '../shared/template';
import { blankTemplate } from './blank/template';

/**
 * Every exercise the product offers, by id. Adding an exercise is one folder under exercises/
 * and one line here.
 */
export const TEMPLATES: readonly ExerciseTemplate[] = [blankTemplate];

export function getTemplate(id: string): ExerciseTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
