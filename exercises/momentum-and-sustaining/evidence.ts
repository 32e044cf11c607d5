import type { BoardResults, ResultItem } from '../../shared/results';
import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import { count, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle } from '../kit/figureKit';
import { IDEAS_TO_ACTION } from './items';

const propose = proposer('momentum-and-sustaining');

/** One role question whose yes answers make a piece of evidence. */
const ROLE_RULES: { rule: string; type: string; key: string; dimension: RubricDimensionId; who: [string, string]; claim: [string, string] }[] = [
  { rule: 'employers-partners', type: 'employer-check', key: 'partner', dimension: 'industry-engagement', who: ['employer', 'employers'], claim: ['acts as a partner rather than a customer', 'act as partners rather than customers'] },
  { rule: 'employers-resources', type: 'employer-check', key: 'resources', dimension: 'industry-engagement', who: ['employer', 'employers'], claim: ['contributes resources to the partnership', 'contribute resources to the partnership'] },
  { rule: 'support-contributes', type: 'support-team-check', key: 'contributes', dimension: 'regional-coordination', who: ['support partner', 'support partners'], claim: ['gives staff time, in-kind support or money', 'give staff time, in-kind support or money'] },
  { rule: 'support-formalized', type: 'support-team-check', key: 'formalized', dimension: 'regional-coordination', who: ['support partner', 'support partners'], claim: ['has made its commitment formal in writing', 'have made their commitment formal in writing'] },
  { rule: 'yearly-review', type: 'convener-check', key: 'yearlyReview', dimension: 'industry-engagement', who: ['convener', 'conveners'], claim: ['leads employers through a fresh look at opportunities at least yearly', 'lead employers through a fresh look at opportunities at least yearly'] },
];

/** A check is met when every card that answers it says yes. */
function met(cards: ResultItem[], key: string): boolean {
  const answered = cards.filter((c) => c.fields[key]);
  return answered.length > 0 && answered.every((c) => c.fields[key] === 'yes');
}

/**
 * Rubric evidence of building momentum and sustaining (rule: claim → dimension):
 *  - ideas-to-action: how many of the five checks every card answers yes, naming the others →
 *    industry engagement (once a check is answered);
 *  - employers-partners, employers-resources, yearly-review → industry engagement;
 *    support-contributes, support-formalized → regional coordination: how many of the people in
 *    the role answered yes (once one of them answered the question).
 */
export function evidence(board: ExtractedBoard, _results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const checks = board.ofType('ideas-to-action');
  if (checks.some((c) => IDEAS_TO_ACTION.some((q) => c.fields[q.key]))) {
    const yes = IDEAS_TO_ACTION.filter((q) => met(checks, q.key));
    const rest = IDEAS_TO_ACTION.filter((q) => !yes.includes(q)).map((q) => q.label.toLowerCase());
    out.push(
      propose(
        'ideas-to-action',
        'board',
        'industry-engagement',
        `From ideas to action: ${yes.length} of ${IDEAS_TO_ACTION.length} checks met${rest.length ? ` (not yet: ${rest.join('; ')})` : ''}`,
        byTitle(checks).map((c) => c.id),
        'ideas-to-action',
      ),
    );
  }
  for (const r of ROLE_RULES) {
    const cards = byTitle(board.ofType(r.type).filter((c) => c.fields[r.key]));
    if (cards.length === 0) continue;
    const yes = cards.filter((c) => c.fields[r.key] === 'yes');
    out.push(
      propose(
        r.rule,
        'board',
        r.dimension,
        `${yes.length} of ${count(cards.length, r.who[0], r.who[1])} ${verb(yes.length, r.claim[0], r.claim[1])}`,
        cards.filter((c) => c.fields[r.key] !== 'yes').map((c) => c.id),
        r.type === 'employer-check' ? 'employer-answers' : r.type === 'convener-check' ? 'convener-answers' : 'support-team-answers',
      ),
    );
  }
  return out;
}
