import type { PartnershipAnswer } from '../../shared/partnership';
import { bandOf, RUBRIC_DIMENSION_IDS } from '../../shared/rubric';
import type { PartnershipEdit } from './partnershipApi';

/**
 * An edit applied to the page's copy of the partnership, so it shows before the server has it
 * (and while offline). The server's next answer replaces the copy; a new action shows with a
 * temporary id until then.
 */
export function applyEdit(data: PartnershipAnswer, edit: PartnershipEdit): PartnershipAnswer {
  const now = new Date().toISOString();
  switch (edit.kind) {
    case 'action':
      return {
        ...data,
        actions: data.actions.map((a) => (a.board === edit.board && a.id === edit.action ? { ...a, ...edit.changes, updatedAt: now } : a)),
      };
    case 'new-action':
      return {
        ...data,
        actions: [
          ...data.actions,
          {
            id: `pending:${data.actions.length}:${now}`,
            text: edit.body.text,
            owner: edit.body.owner ?? '',
            due: edit.body.due ?? '',
            status: 'not-started',
            priorityArea: edit.body.priorityArea ?? '',
            board: edit.board,
            source: null,
            createdAt: now,
            updatedAt: now,
          },
        ],
      };
    case 'score': {
      const { date, scores, rationale } = edit.body;
      const kept = data.rubric.filter((r) => !(r.board === edit.board && r.date === date && scores[r.dimension] !== undefined));
      const added = RUBRIC_DIMENSION_IDS.flatMap((d) => {
        const score = scores[d];
        return score === undefined ? [] : [{ date, dimension: d, score, band: bandOf(score).id, rationale: rationale?.[d] ?? '', board: edit.board }];
      });
      return { ...data, rubric: [...kept, ...added].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
    }
  }
}
