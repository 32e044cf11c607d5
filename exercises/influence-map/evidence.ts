import type { BoardResults, TableFigure } from '../../shared/results';
import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import { count, findFigure, itemName, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';

const propose = proposer('influence-map');

/** The yes/no checks of the tipping-the-scales table that make evidence. */
const CHECKS: { rule: string; column: string; dimension: RubricDimensionId; have: (n: number) => string; lack: string }[] = [
  { rule: 'champion', column: 'Industry champion', dimension: 'industry-engagement', have: (n) => `${verb(n, 'has', 'have')} an industry champion`, lack: 'has no industry champion' },
  {
    rule: 'industry-majority',
    column: 'Industry majority',
    dimension: 'industry-engagement',
    have: (n) => `${verb(n, 'is', 'are')} mostly industry members`,
    lack: 'is not mostly industry members',
  },
  {
    rule: 'facilitator',
    column: 'Facilitating support partner',
    dimension: 'regional-coordination',
    have: (n) => `${verb(n, 'is', 'are')} facilitated by a support partner`,
    lack: 'has no support partner facilitating it',
  },
  {
    rule: 'relevant-partners',
    column: 'Relevant support partners',
    dimension: 'regional-coordination',
    have: (n) => `${verb(n, 'has', 'have')} the most relevant support partners on board`,
    lack: 'does not have the most relevant support partners on board',
  },
  {
    rule: 'success-measure',
    column: 'Success measure',
    dimension: 'industry-engagement',
    have: (n) => `${verb(n, 'knows how it', 'know how they')} will measure success`,
    lack: 'has no measure of success yet',
  },
  {
    rule: 'quick-win',
    column: 'Quick win in 60 days',
    dimension: 'industry-engagement',
    have: (n) => `${verb(n, 'has', 'have')} a quick win agreed for the next 60 days`,
    lack: 'has no quick win agreed for the next 60 days',
  },
];

/**
 * Rubric evidence of the influence map and the tipping-the-scales assessment (rule: claim →
 * dimension), read from the figures so the counts always match the table the team sees:
 *  - champion, industry-majority, success-measure, quick-win: "2 of 4 task forces have ..."
 *    naming those without → industry engagement; facilitator and relevant-partners: the same for
 *    a facilitating support partner and the most relevant partners → regional coordination. Item
 *    ids are the task forces still missing it (all of them when none is).
 *  - quick-wins-achieved: quick wins delivered so far → industry engagement;
 *  - win-over: people with high influence and low or unknown commitment → industry engagement;
 *  - idle-champions: industry champions on no task force → industry engagement.
 * An empty board proposes nothing.
 */
export function evidence(board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const tipping = findFigure(results, 'tipping-the-scales', 'table');
  if (tipping && tipping.rows.length > 0) {
    const n = tipping.rows.length;
    const priorityId = (r: TableFigure['rows'][number]) => r.itemIds?.[0] ?? r.key;
    const priorityName = (r: TableFigure['rows'][number]) => {
      const p = board.byId.get(priorityId(r));
      return p ? itemName(p, 'name') : String(r.cells[0]);
    };
    for (const check of CHECKS) {
      const col = tipping.columns.indexOf(check.column);
      if (col < 0) continue;
      const yes = tipping.rows.filter((r) => r.cells[col] === 'Yes');
      const missing = tipping.rows.filter((r) => r.cells[col] !== 'Yes');
      const text =
        n === 1
          ? `The one task force ${yes.length ? check.have(1) : check.lack}`
          : yes.length === n
            ? `All ${n} task forces ${check.have(n)}`
            : yes.length === 0
              ? `None of the ${n} task forces ${check.have(1)}`
              : `${yes.length} of ${count(n, 'task force')} ${check.have(yes.length)} (not yet: ${nameList(missing.map(priorityName), 2)})`;
      out.push(propose(check.rule, 'board', check.dimension, text, (missing.length ? missing : tipping.rows).map(priorityId), tipping.id));
    }
  }

  if (tipping && tipping.rows.length > 0) {
    const col = tipping.columns.indexOf('Quick win achieved');
    const achieved = tipping.rows.filter((r) => r.cells[col] === 'Yes');
    if (achieved.length > 0) {
      const names = achieved.map((r) => String(r.cells[0]));
      out.push(propose('quick-wins-achieved', 'board', 'industry-engagement', `${count(achieved.length, 'quick win')} achieved so far: ${nameList(names)}`, achieved.map((r) => r.itemIds?.[0] ?? r.key), tipping.id));
    }
  }

  const winOver = findFigure(results, 'win-over', 'list');
  if (winOver && winOver.entries.length > 0) {
    const people = winOver.entries.map((e) => e.itemIds?.[0]).filter((id): id is string => !!id);
    const names = people.map((id) => board.byId.get(id)).map((s) => (s ? itemName(s, 'name') : 'someone'));
    out.push(
      propose(
        'win-over',
        'board',
        'industry-engagement',
        `${count(people.length, 'person', 'people')} with high influence but low or unknown commitment still to win over: ${nameList(names)}`,
        people,
        winOver.id,
      ),
    );
  }

  const idle = board.ofType('stakeholder').filter((s) => s.fields.category === 'industry-champion');
  const notOnTaskForce = new Set((findFigure(results, 'not-on-task-force', 'list')?.entries ?? []).flatMap((e) => e.itemIds ?? []));
  const idleChampions = idle.filter((s) => notOnTaskForce.has(s.id));
  if (idleChampions.length > 0) {
    const n = idleChampions.length;
    out.push(
      propose(
        'idle-champions',
        'board',
        'industry-engagement',
        `${count(n, 'industry champion')} ${verb(n, 'serves', 'serve')} on no task force: ${nameList(idleChampions.map((s) => itemName(s, 'name')))}`,
        idleChampions.map((s) => s.id),
        'not-on-task-force',
      ),
    );
  }
  return out;
}
