import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { count, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { JURISDICTIONAL_BASES } from './items';
import { scoreCandidates } from './figures';

const propose = proposer('sector-scoping');

/**
 * Rubric evidence of sector scoping (rule: claim → dimension), proposed once a candidate sector
 * is on the board:
 *  - first-sector / no-first-sector: the sector agreed to start with (and the next) → regional
 *    coordination (the whole team committing to a shared target);
 *  - data-and-knowledge: candidates weighed with both data and first-hand knowledge → regional
 *    coordination;
 *  - separate-outreach: candidates several partners already reach separately → regional
 *    coordination;
 *  - footprint-follows / footprint-unchecked: whether the area follows the industry → regional
 *    coordination (only once a footprint card exists).
 */
export function evidence(board: ExtractedBoard, _results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const scored = scoreCandidates(board);
  if (scored.length === 0) return out;

  const first = scored.filter((s) => s.item.fields.order === 'first');
  const next = scored.filter((s) => s.item.fields.order === 'next');
  if (first.length > 0) {
    const then = next.length ? ` and ${nameList(next.map((s) => s.item.title))} next` : '';
    out.push(propose('first-sector', 'board', 'regional-coordination', `The team chose ${nameList(first.map((s) => s.item.title))} as the first sector${then}`, [...first, ...next].map((s) => s.item.id), 'first-and-next'));
  } else {
    out.push(propose('no-first-sector', 'board', 'regional-coordination', `No first sector chosen yet among ${count(scored.length, 'candidate')}`, scored.map((s) => s.item.id), 'first-and-next'));
  }

  const hasData = (s: (typeof scored)[number]) => s.jobs !== null || typeof s.item.fields.averageWage === 'number' || s.item.fields.wages !== '';
  const both = scored.filter((s) => hasData(s) && s.reasons.length + s.cautions.length > 0);
  out.push(
    propose(
      'data-and-knowledge',
      'board',
      'regional-coordination',
      `${both.length} of ${count(scored.length, 'candidate sector')} ${verb(scored.length, 'was', 'were')} weighed with both labour market data and partners’ first-hand knowledge`,
      both.map((s) => s.item.id),
      'ranked-candidates',
    ),
  );

  const knocked = scored.filter((s) => typeof s.item.fields.partnersReaching === 'number' && s.item.fields.partnersReaching >= 2);
  if (knocked.length > 0) {
    const names = knocked.map((s) => `${s.item.title} (${s.item.fields.partnersReaching})`);
    out.push(
      propose(
        'separate-outreach',
        'board',
        'regional-coordination',
        `Several of our partners already reach out separately to employers in ${count(knocked.length, 'candidate sector')}: ${nameList(names)}`,
        knocked.map((s) => s.item.id),
        'ranked-candidates',
      ),
    );
  }

  const footprints = board.ofType('footprint');
  if (footprints.length > 0) {
    const good = footprints.filter((f) => f.fields.followsIndustry === true && !JURISDICTIONAL_BASES.has(String(f.fields.basis)));
    if (good.length === footprints.length) {
      out.push(propose('footprint-follows', 'board', 'regional-coordination', `The partnership’s footprint follows the industry: ${nameList(good.map((f) => f.title))}`, good.map((f) => f.id), 'footprint-check'));
    } else {
      const rest = footprints.filter((f) => !good.includes(f));
      out.push(
        propose(
          'footprint-unchecked',
          'board',
          'regional-coordination',
          `The footprint is not yet shown to follow the industry rather than official boundaries: ${nameList(rest.map((f) => f.title))}`,
          rest.map((f) => f.id),
          'footprint-check',
        ),
      );
    }
  }
  return out;
}
