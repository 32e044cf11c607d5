import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { quoteEvidence } from '../common/quoteEvidence';
import { count, fieldText, findFigure, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { gapKind, nameKey } from './figures';

const ID = 'many-tables-many-knocks';
const propose = proposer(ID);

/**
 * Rubric evidence of Many Tables, Many Knocks (rule: claim → dimension):
 *  - knocks: how many knocks from how many organizations contact businesses one by one → regional
 *    coordination (at least two knocks);
 *  - redundant-businesses: knocks reaching the same businesses, named → regional coordination;
 *  - employer-tables / no-employer-tables: tables convened by employers themselves → industry
 *    engagement;
 *  - table-overlaps: pairs of tables overlapping → regional coordination;
 *  - fatigue: pairs of knocks flagged as an employer-fatigue risk → industry engagement;
 *  - gaps: businesses no table brings together → industry engagement;
 *  - knock-gaps: businesses no program reaches out to → industry engagement;
 *  - quotes (common): what employers say about us → industry engagement;
 *  - feasible-ideas: feasible ideas toward coordinated engagement → regional coordination.
 * An empty board proposes nothing.
 */
export function evidence(board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const knocks = board.ofType('knock');
  const orgsOf = (ids: string[]) => new Set(ids.map((id) => nameKey(fieldText(board.byId.get(id)?.fields.organization))).filter(Boolean));

  if (knocks.length >= 2) {
    const ids = knocks.map((k) => k.id);
    const orgs = orgsOf(ids).size;
    const from = orgs ? ` from ${count(orgs, 'organization')}` : '';
    out.push(propose('knocks', 'board', 'regional-coordination', `${knocks.length} knocks${from} contact businesses of the sector one by one`, ids, 'knocks-per-organization'));
  }

  const redundant = findFigure(results, 'redundant-businesses', 'table');
  if (redundant && redundant.rows.length > 0) {
    const ids = [...new Set(redundant.rows.flatMap((r) => r.itemIds ?? []))];
    const orgs = orgsOf(ids).size;
    const from = orgs ? ` from ${count(orgs, 'organization')}` : '';
    const names = redundant.rows.map((r) => String(r.cells[0]));
    out.push(
      propose('redundant-businesses', 'board', 'regional-coordination', `${ids.length} knocks${from} contact the same businesses: ${nameList(names)}`, ids, redundant.id),
    );
  }

  const tables = board.ofType('table');
  if (tables.length > 0) {
    const byEmployers = tables.filter((t) => t.fields.convenerType === 'employers');
    if (byEmployers.length > 0) {
      const text = `${byEmployers.length} of ${count(tables.length, 'table')} ${verb(byEmployers.length, 'is', 'are')} convened by employers themselves`;
      out.push(propose('employer-tables', 'board', 'industry-engagement', text, byEmployers.map((t) => t.id), 'tables-per-convener-type'));
    } else {
      const text = tables.length === 1 ? 'The one table mapped is not convened by employers' : `None of the ${tables.length} tables is convened by employers themselves`;
      out.push(propose('no-employer-tables', 'board', 'industry-engagement', text, tables.map((t) => t.id), 'tables-per-convener-type'));
    }
  }

  const overlaps = findFigure(results, 'table-overlaps', 'list');
  if (overlaps && overlaps.entries.length > 0) {
    const n = overlaps.entries.length;
    out.push(
      propose(
        'table-overlaps',
        'board',
        'regional-coordination',
        `${count(n, 'pair')} of tables ${verb(n, 'gathers', 'gather')} the same businesses or ${verb(n, 'serves', 'serve')} the same purpose`,
        overlaps.entries.flatMap((e) => e.itemIds ?? []),
        overlaps.id,
      ),
    );
  }

  const fatigue = findFigure(results, 'fatigue-risks', 'list');
  if (fatigue && fatigue.entries.length > 0) {
    const n = fatigue.entries.length;
    out.push(
      propose(
        'fatigue',
        'board',
        'industry-engagement',
        `${count(n, 'pair')} of overlapping knocks ${verb(n, 'risks', 'risk')} wearing out the same employers`,
        fatigue.entries.flatMap((e) => e.itemIds ?? []),
        fatigue.id,
      ),
    );
  }

  const gaps = board.ofType('gap').filter((g) => gapKind(g) === 'tables');
  if (gaps.length > 0) {
    out.push(propose('gaps', 'board', 'industry-engagement', `${count(gaps.length, 'gap')} marked where no table brings the businesses together`, gaps.map((g) => g.id), 'gaps'));
  }
  const knockGaps = board.ofType('gap').filter((g) => gapKind(g) === 'knocks');
  if (knockGaps.length > 0) {
    out.push(propose('knock-gaps', 'board', 'industry-engagement', `${count(knockGaps.length, 'gap')} marked where no program reaches out to the businesses`, knockGaps.map((g) => g.id), 'knock-gaps'));
  }

  out.push(...quoteEvidence(ID, board));

  const feasible = findFigure(results, 'feasible-ideas', 'number');
  if (feasible && feasible.value > 0) {
    out.push(
      propose(
        'feasible-ideas',
        'board',
        'regional-coordination',
        `The team sees ${count(feasible.value, 'feasible step')} toward coordinated engagement with businesses`,
        feasible.itemIds ?? [],
        feasible.id,
      ),
    );
  }
  return out;
}
