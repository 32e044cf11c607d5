import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { count, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, endsOf } from '../kit/figureKit';
import { cleanText, shorten } from '../kit/text';
import { answerCategory, decisionCategory } from './figures';
import { ANSWER_STATUS, DECISION_CATEGORIES } from './items';

const propose = proposer('critical-decisions');

/** How a sentence names each category. */
const CATEGORY_NAME: Record<string, string> = {
  outreach: 'outreach coordination',
  marketing: 'shared marketing',
  staff: 'staff development',
};

/**
 * Rubric evidence of the critical decisions (all → regional coordination: how far the partners
 * coordinate their work with businesses):
 *  - practices: how many answers say a practice is in place, partly, or not yet (once an
 *    answer has a status);
 *  - single-contact: what the team says about a single point of contact;
 *  - decisions: decisions taken, agreed by all and owned (once a decision exists); no-decision
 *    (key = category): one of the three categories without a decision yet;
 *  - outreach-addressed: tables and knocks on the board that a decision changes.
 */
export function evidence(board: ExtractedBoard, _results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const answers = byTitle(board.ofType('coordination-answer'));
  const decisions = byTitle(board.ofType('coordination-decision'));

  const rated = answers.filter((a) => a.fields.status);
  if (rated.length > 0) {
    const n = (s: string) => rated.filter((a) => a.fields.status === s).length;
    const [inPlace, partly, notYet] = ANSWER_STATUS.map((s) => n(s.value));
    out.push(
      propose(
        'practices',
        'board',
        'regional-coordination',
        `Of ${count(rated.length, 'coordination practice')} discussed, ${inPlace} ${verb(inPlace, 'is', 'are')} in place, ${partly} partly and ${notYet} not yet`,
        rated.filter((a) => a.fields.status !== 'in-place').map((a) => a.id),
        'questions-answered',
      ),
    );
  }

  const spoc = answers.find((a) => a.fields.question === 'outreach.single-contact' && cleanText(a.fields.answer));
  if (spoc) {
    const status = ANSWER_STATUS.find((s) => s.value === spoc.fields.status)?.label.toLowerCase();
    out.push(propose('single-contact', 'board', 'regional-coordination', `Single point of contact${status ? ` (${status})` : ''}: ${shorten(cleanText(spoc.fields.answer), 120)}`, [spoc.id], 'single-point-of-contact'));
  }

  if (decisions.length > 0) {
    const agreed = decisions.filter((d) => d.fields.agreed === true).length;
    const owned = decisions.filter((d) => cleanText(d.fields.owner)).length;
    out.push(
      propose(
        'decisions',
        'board',
        'regional-coordination',
        `${count(decisions.length, 'decision')} on coordinating business outreach, ${agreed} agreed by all partners and ${owned} with an owner`,
        decisions.map((d) => d.id),
        'decisions-by-category',
      ),
    );
    for (const c of DECISION_CATEGORIES.filter((c) => c.value in CATEGORY_NAME)) {
      if (decisions.some((d) => decisionCategory(d) === c.value)) continue;
      const discussed = answers.filter((a) => answerCategory(a) === c.value && cleanText(a.fields.answer));
      out.push(propose('no-decision', c.value, 'regional-coordination', `No decision yet on ${CATEGORY_NAME[c.value]}`, discussed.map((a) => a.id), 'decisions-by-category'));
    }
  }

  const targets = [...board.ofType('table'), ...board.ofType('knock')];
  if (targets.length > 0 && decisions.length > 0) {
    const addressed = new Set<string>();
    for (const c of board.connectionsOfKind('addresses')) {
      const ends = endsOf(board, c, ['coordination-decision'], ['table', 'knock']);
      if (ends) addressed.add(ends[1].id);
    }
    out.push(
      propose(
        'outreach-addressed',
        'board',
        'regional-coordination',
        `The decisions change ${addressed.size} of the ${count(targets.length, 'table and knock', 'tables and knocks')} mapped`,
        [...addressed],
        'outreach-addressed',
      ),
    );
  }
  return out;
}
