import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { count, findFigure, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle } from '../kit/figureKit';
import { pathwayGraph } from './figures';

const propose = proposer('career-pathways');

/**
 * Rubric evidence of career pathway systems (all → career pathways), read from the figures so the
 * sentences match what the team sees:
 *  - needs-on-ramp: industry needs a beginner can reach (once a need is on the board);
 *  - no-industry-link: programs leading to no industry need (once a program is on the board);
 *  - dead-ends: programs leading nowhere;
 *  - institutions: how many institutions are open and connected or closed, and the links between
 *    programs of different institutions (once an institution is marked or a program names one).
 */
export function evidence(board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const coverage = findFigure(results, 'needs-coverage', 'table');
  if (coverage && coverage.rows.length > 0) {
    const ok = coverage.rows.filter((r) => r.cells.at(-1) === 'Yes');
    const n = coverage.rows.length;
    out.push(
      propose(
        'needs-on-ramp',
        'board',
        'career-pathways',
        `${ok.length} of ${count(n, 'industry need')} ${verb(n, 'has', 'have')} a pathway a beginner can get on`,
        coverage.rows.filter((r) => r.cells.at(-1) !== 'Yes').map((r) => r.key),
        coverage.id,
      ),
    );
  }

  const g = pathwayGraph(board);
  if (g.programs.length > 0) {
    const unlinked = findFigure(results, 'no-industry-link', 'list')?.entries ?? [];
    out.push(
      propose(
        'no-industry-link',
        'board',
        'career-pathways',
        `${unlinked.length} of ${count(g.programs.length, 'program')} ${verb(unlinked.length, 'leads', 'lead')} to no industry need`,
        unlinked.flatMap((e) => e.itemIds ?? []),
        'no-industry-link',
      ),
    );
    const dead = g.programs.filter((p) => !g.next.has(p.id) && p.fields.leadsToJob !== true);
    if (dead.length) {
      out.push(
        propose('dead-ends', 'board', 'career-pathways', `${count(dead.length, 'program')} ${verb(dead.length, 'leads', 'lead')} neither to a next program nor to a job: ${nameList(dead.map((p) => p.title))}`, dead.map((p) => p.id), 'dead-ends'),
      );
    }
  }

  const table = findFigure(results, 'institutions', 'table');
  if (table && table.rows.length > 0) {
    const col = (r: (typeof table.rows)[number]) => r.cells[2];
    const open = table.rows.filter((r) => col(r) === 'Open and connected').length;
    const closed = table.rows.filter((r) => col(r) === 'Closed system').length;
    const links = table.rows.reduce((n, r) => n + Number(r.cells[4] ?? 0), 0) / 2;
    out.push(
      propose(
        'institutions',
        'board',
        'career-pathways',
        `${count(table.rows.length, 'institution')} on the map: ${open} open and connected, ${closed} working as closed ${verb(closed, 'system', 'systems')}; ${count(links, 'link')} between programs of different institutions`,
        byTitle(board.ofType('institution').filter((i) => i.fields.openness === 'closed')).map((i) => i.id),
        table.id,
      ),
    );
  }
  return out;
}
