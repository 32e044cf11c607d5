import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { count, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle } from '../kit/figureKit';
import { cleanText } from '../kit/text';
import { linkOpportunities } from './figures';

const propose = proposer('launch-meeting');

/**
 * Rubric evidence of the launch meeting (rule: claim → dimension):
 *  - shared-priorities / no-shared-priority: priorities the employers chose and how many have a
 *    champion → industry engagement (once an opportunity is on the board);
 *  - attendance: business leaders and companies present → industry engagement (from the
 *    meeting record, once a count is written);
 *  - next-steps: next steps agreed at the meeting and how many have an owner → industry
 *    engagement (once an Action card has text);
 *  - summary-sent: the summary went to the business members → industry engagement;
 *  - partners-debriefed: the support partners debriefed after listening → regional coordination.
 */
export function evidence(board: ExtractedBoard, _results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const links = [...linkOpportunities(board).values()];
  if (links.length > 0) {
    const chosen = links.filter((l) => l.opportunity.fields.sharedPriority === true);
    if (chosen.length) {
      const championed = chosen.filter((l) => l.champions.length > 0);
      out.push(
        propose(
          'shared-priorities',
          'board',
          'industry-engagement',
          `Employers chose ${count(chosen.length, 'shared priority', 'shared priorities')} (${nameList(chosen.map((l) => l.opportunity.title))}); ${championed.length} ${verb(championed.length, 'has', 'have')} a champion`,
          chosen.map((l) => l.opportunity.id),
          'shared-priorities',
        ),
      );
    } else {
      out.push(propose('no-shared-priority', 'board', 'industry-engagement', `No shared priority chosen yet among ${count(links.length, 'opportunity', 'opportunities')}`, [], 'shared-priorities'));
    }
  }

  const records = byTitle(board.ofType('launch-record'));
  const record = records.find((r) => typeof r.fields.businessLeaders === 'number');
  if (record) {
    const companies = typeof record.fields.companies === 'number' ? ` from ${count(record.fields.companies, 'company', 'companies')}` : '';
    out.push(propose('attendance', 'board', 'industry-engagement', `${count(record.fields.businessLeaders as number, 'business leader')}${companies} came to the launch`, [record.id], 'business-leaders-present'));
  }

  const steps = board.ofType('action').filter((a) => cleanText(a.fields.text));
  if (steps.length > 0) {
    const owned = steps.filter((a) => cleanText(a.fields.owner));
    out.push(propose('next-steps', 'board', 'industry-engagement', `${count(steps.length, 'next step')} agreed at the launch, ${owned.length} with an owner`, steps.map((a) => a.id), 'executive-summary'));
  }

  const sent = records.find((r) => cleanText(r.fields.summarySent));
  if (sent) out.push(propose('summary-sent', 'board', 'industry-engagement', `The meeting summary went to the business members on ${cleanText(sent.fields.summarySent)}`, [sent.id], 'executive-summary'));
  const debriefed = records.find((r) => r.fields.partnersDebriefed === true);
  if (debriefed) out.push(propose('partners-debriefed', 'board', 'regional-coordination', 'The support partners debriefed together after listening at the launch', [debriefed.id]));
  return out;
}
