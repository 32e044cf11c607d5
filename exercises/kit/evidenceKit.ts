import type { BoardResults, Figure, FieldValue, ResultItem } from '../../shared/results';
import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import type { ExerciseDef } from './definitions';
import type { ExtractedBoard } from './extract';

/**
 * Rubric evidence proposed from a board's results. Each exercise may define `evidence(board,
 * results)`; these helpers keep the sentences consistent (counts, name lists) and the ids stable:
 * `<exercise id>:<rule>:<key>`, where a rule is one claim ("tables convened by employers") and the
 * key the thing it is about ("board" for the whole board, or a category, an item id...). A claim
 * and its opposite use different rules, so dismissing one never hides the other.
 */

/** The exercise's proposals (none when it defines no evidence), each id once. */
export function proposeEvidence(exercise: ExerciseDef, board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  if (!exercise.evidence) return [];
  const seen = new Set<string>();
  const out: ProposedEvidence[] = [];
  for (const p of exercise.evidence(board, results)) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out;
}

/** Builds proposals of one exercise: ids prefixed with its id, item ids once each. */
export function proposer(exerciseId: string) {
  return (rule: string, key: string, dimension: RubricDimensionId, text: string, itemIds: Iterable<string> = [], figureId?: string): ProposedEvidence => {
    const p: ProposedEvidence = { id: `${exerciseId}:${rule}:${key}`, dimension, text, itemIds: [...new Set(itemIds)] };
    if (figureId) p.figureId = figureId;
    return p;
  };
}

/** "1 knock", "3 knocks"; `many` for irregular plurals. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Picks the verb form for a count: is/are, has/have... */
export function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more" (at most `max` names). */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length <= max) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Trimmed text of a field ('' for anything else), runs of whitespace collapsed. */
export function fieldText(v: FieldValue | undefined): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
}

/** The item's name from its title field, or "an unnamed <type>" when it has none. */
export function itemName(item: ResultItem, titleField: string): string {
  return fieldText(item.fields[titleField]) || `an unnamed ${item.typeLabel.toLowerCase()}`;
}

/** A figure of the results by id and kind. */
export function findFigure<K extends Figure['kind']>(results: BoardResults, id: string, kind: K): Extract<Figure, { kind: K }> | undefined {
  const f = results.figures.find((x) => x.id === id);
  return f && f.kind === kind ? (f as Extract<Figure, { kind: K }>) : undefined;
}
