import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import { quoteEvidence } from '../common/quoteEvidence';
import { count, findFigure, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { journeyVariant } from './figures';

const ID = 'journey-map';
const propose = proposer(ID);

/**
 * Rubric evidence of a journey map (rule: claim → dimension). The employer map speaks to industry
 * engagement and regional coordination, the jobseeker/student map to career pathways.
 *  - front-doors: programs each making their own first contact (two or more) → regional
 *    coordination (employer) / career pathways (jobseeker);
 *  - handoffs: handoffs between programs, with how many are broken or bumpy → same split;
 *  - redundant-steps (employer) → regional coordination; missed-connections (jobseeker) →
 *    career pathways;
 *  - no-follow-through: programs with no follow-through step → industry engagement (employer) /
 *    career pathways (jobseeker);
 *  - weak-points: steps marked weak → same split;
 *  - quotes (common): what employers / jobseekers say about us.
 * Programs, stages and handoffs are read as figures.ts reads them. An empty board proposes nothing.
 */
export function evidence(board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const employer = journeyVariant(board) === 'employer';
  const who = employer ? 'the business' : 'the jobseeker or student';
  const coordination: RubricDimensionId = employer ? 'regional-coordination' : 'career-pathways';
  const experience: RubricDimensionId = employer ? 'industry-engagement' : 'career-pathways';

  const steps = findFigure(results, 'steps-by-program-stage', 'table');
  const programs = (steps?.rows ?? []).filter((r) => r.key !== '(no program)'); // named programs only
  // cells: program, one count per stage (engagement first), not set, total
  const front = programs.filter((r) => Number(r.cells[1]) > 0);
  if (front.length >= 2) {
    const text = employer
      ? `${front.length} programs each make their own first contact with the business: ${nameList(front.map((r) => String(r.cells[0])))}`
      : `${front.length} programs are separate front doors for jobseekers and students: ${nameList(front.map((r) => String(r.cells[0])))}`;
    out.push(propose('front-doors', 'board', coordination, text, front.flatMap((r) => r.itemIds ?? []), steps!.id));
  }

  const cross = findFigure(results, 'cross-program-handoffs', 'table');
  if (cross && cross.rows.length > 0) {
    // cells: from, to, handoffs, smooth, bumpy, broken, not rated
    const sum = (i: number) => cross.rows.reduce((n, r) => n + Number(r.cells[i]), 0);
    const [total, bumpy, broken] = [sum(2), sum(4), sum(5)];
    const rough = [broken && `${broken} broken`, bumpy && `${bumpy} bumpy`].filter(Boolean).join(', ');
    const text = `${count(total, 'handoff')} between programs${rough ? `: ${rough}` : ', none rated bumpy or broken'}`;
    out.push(propose('handoffs', 'board', coordination, text, cross.rows.flatMap((r) => r.itemIds ?? []), cross.id));
  }

  const marked = findFigure(results, employer ? 'redundant-steps' : 'missed-connections', 'list');
  if (marked && marked.entries.length > 0) {
    const n = marked.entries.length;
    const text = employer
      ? `${count(n, 'step')} ${verb(n, 'repeats', 'repeat')} what another program already does with the same business`
      : `${count(n, 'missed connection')} where a jobseeker or student should have been linked to another program`;
    out.push(propose(employer ? 'redundant-steps' : 'missed-connections', 'board', employer ? 'regional-coordination' : 'career-pathways', text, marked.entries.flatMap((e) => e.itemIds ?? []), marked.id));
  }

  const noFollow = findFigure(results, 'no-follow-through', 'list');
  if (noFollow && noFollow.entries.length > 0) {
    const n = noFollow.entries.length;
    out.push(
      propose(
        'no-follow-through',
        'board',
        experience,
        `${n} of ${count(programs.length, 'program')} ${verb(n, 'has', 'have')} no follow-through step with ${who}`,
        noFollow.entries.flatMap((e) => e.itemIds ?? []),
        noFollow.id,
      ),
    );
  }

  const weak = findFigure(results, 'weak-points', 'list');
  if (weak && weak.entries.length > 0) {
    out.push(
      propose('weak-points', 'board', experience, `${count(weak.entries.length, 'weak point')} marked along the journey of ${who}`, weak.entries.flatMap((e) => e.itemIds ?? []), weak.id),
    );
  }

  out.push(...quoteEvidence(ID, board));
  return out;
}
