import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import { count, proposer } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle } from '../kit/figureKit';
import { isComplete, placeOf } from './figures';

const propose = proposer('success-metrics');

/** Each category of measurement and the rubric dimension it speaks to. */
const CATEGORY: Record<string, { name: string; dimension: RubricDimensionId }> = {
  business: { name: 'Impact on business and industry', dimension: 'industry-engagement' },
  jobseekers: { name: 'Impact on jobseekers and students', dimension: 'career-pathways' },
  public: { name: 'Impact on public programs and resources', dimension: 'regional-coordination' },
};

/**
 * Rubric evidence of the success metrics (rule `category`, key = category): per category that
 * has a metric ready to track (baseline, target, source and owner), how many metrics it has, of
 * which kinds, and how many are ready → industry engagement (business), career pathways
 * (jobseekers and students), regional coordination (public programs). The sample cards a board
 * starts with propose nothing until the team completes one.
 */
export function evidence(board: ExtractedBoard, _results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const metrics = byTitle(board.ofType('metric'));
  for (const [category, c] of Object.entries(CATEGORY)) {
    const here = metrics.filter((m) => placeOf(m).category === category);
    const ready = here.filter(isComplete);
    if (ready.length === 0) continue;
    const process = here.filter((m) => placeOf(m).kind === 'process').length;
    const impact = here.filter((m) => placeOf(m).kind === 'impact').length;
    out.push(
      propose(
        'category',
        category,
        c.dimension,
        `${c.name}: ${count(here.length, 'metric')} (${process} process, ${impact} impact), ${ready.length} ready to track with a baseline, target, source and owner`,
        ready.map((m) => m.id),
        'metrics-grid',
      ),
    );
  }
  return out;
}
