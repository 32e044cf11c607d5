import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import { count, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';

/** Which rubric dimension what each side says speaks to. */
const SIDES: { side: string; speaker: string; dimension: RubricDimensionId }[] = [
  { side: 'employers-about-us', speaker: 'employers', dimension: 'industry-engagement' },
  { side: 'jobseekers-about-us', speaker: 'jobseekers and students', dimension: 'career-pathways' },
];

/**
 * Evidence from `quote` cards: how many of the remarks employers (or jobseekers and students)
 * make about us are negative, among those whose tone is set. Rules `quotes-negative` and
 * `quotes-positive` (none negative), key = side.
 */
export function quoteEvidence(exerciseId: string, board: ExtractedBoard): ProposedEvidence[] {
  const propose = proposer(exerciseId);
  const out: ProposedEvidence[] = [];
  for (const { side, speaker, dimension } of SIDES) {
    const rated = board.ofType('quote').filter((q) => q.fields.side === side && (q.fields.tone === 'positive' || q.fields.tone === 'negative'));
    if (rated.length === 0) continue;
    const negative = rated.filter((q) => q.fields.tone === 'negative');
    if (negative.length === 0) {
      const text = rated.length === 1 ? `The one remark ${speaker} make about us is positive` : `All ${rated.length} remarks ${speaker} make about us are positive`;
      out.push(propose('quotes-positive', side, dimension, text, rated.map((q) => q.id)));
      continue;
    }
    const text =
      rated.length === 1
        ? `The one remark ${speaker} make about us is negative`
        : `${negative.length} of ${count(rated.length, 'remark')} ${speaker} make about us ${verb(negative.length, 'is', 'are')} negative`;
    out.push(propose('quotes-negative', side, dimension, text, negative.map((q) => q.id)));
  }
  return out;
}
