import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, endsOf, statusOf, unfinishedConnectors } from '../kit/figureKit';
import { cleanText, shorten } from '../kit/text';
import { knockName } from '../many-tables-many-knocks/figures';
import { ANSWER_STATUS, categoryOfQuestion, COORDINATION_QUESTIONS, DECISION_CATEGORIES } from './items';
import { categoryZoneId } from './template';

/**
 * Derived figures of the critical decisions.
 *
 * Rules:
 *  - An Answer belongs to the category of its question; an answer with no question chosen
 *    belongs to the category zone it sits in (or to none).
 *  - A question is answered when some Answer card names it and has text or a status.
 *  - A Decision belongs to the category zone it sits in; outside the zones its category field
 *    counts. It has an owner when the owner field has text.
 *  - Tables and knocks (copied from the Many Tables board, or added here) are addressed by the
 *    decisions with a complete Addresses arrow to them (either direction).
 */

const text = cleanText;
const CATEGORY_OF_ZONE = new Map(DECISION_CATEGORIES.map((c) => [categoryZoneId(c.value), c.value]));
/** Short category names for table rows (the side panel is narrow). */
const SHORT: Record<string, string> = { outreach: 'Outreach coordination', marketing: 'Shared marketing', staff: 'Staff development', fit: 'Partnership’s place', '': 'Category not set' };
/** What each closing question is about, as a figure line starts. */
const FIT_ASPECT: Record<string, string> = { 'fit.role': 'Its place and role', 'fit.bring-in': 'What current coordination brings it' };
const STATUS_LABEL = new Map(ANSWER_STATUS.map((s) => [s.value, s.label]));

export function answerCategory(a: ResultItem): string {
  const q = String(a.fields.question ?? '');
  return q ? categoryOfQuestion(q) : (CATEGORY_OF_ZONE.get(a.zoneId ?? '') ?? '');
}

export function decisionCategory(d: ResultItem): string {
  return CATEGORY_OF_ZONE.get(d.zoneId ?? '') ?? String(d.fields.category ?? '');
}

const isAnswered = (a: ResultItem) => !!a.fields.question && (text(a.fields.answer) !== '' || !!a.fields.status);

/** The question ids some answer card answers. */
function answeredQuestions(answers: readonly ResultItem[]): Set<string> {
  return new Set(answers.filter(isAnswered).map((a) => String(a.fields.question)));
}

function questionsAnswered(answers: ResultItem[]): TableFigure {
  const answered = answeredQuestions(answers);
  const rows = DECISION_CATEGORIES.map((c) => {
    const questions = COORDINATION_QUESTIONS.filter((q) => categoryOfQuestion(q.value) === c.value);
    const cards = answers.filter((a) => answerCategory(a) === c.value && (text(a.fields.answer) !== '' || !!a.fields.status));
    const n = (status: string) => cards.filter((a) => a.fields.status === status).length;
    const done = questions.filter((q) => answered.has(q.value)).length;
    return {
      key: c.value,
      cells: [SHORT[c.value], questions.length, done, n('in-place'), n('partly'), n('not-yet')],
      status: (done === questions.length ? 'ok' : 'info') as FigureStatus,
      itemIds: byTitle(cards).map((a) => a.id),
    };
  });
  return {
    id: 'questions-answered',
    kind: 'table',
    label: 'Questions answered',
    help: 'For each category, how many of its questions the team has answered, and how many of its answers say the practice is in place, partly, or not yet.',
    status: rows.every((r) => r.status === 'ok') ? 'ok' : 'info',
    columns: ['Category', 'Questions', 'Answered', 'In place', 'Partly', 'Not yet'],
    rows,
  };
}

function openQuestions(answers: ResultItem[]): ListFigure {
  const answered = answeredQuestions(answers);
  const category = new Map(DECISION_CATEGORIES.map((c) => [c.value, c.label]));
  const entries = COORDINATION_QUESTIONS.filter((q) => !answered.has(q.value)).map((q) => ({ text: `${category.get(categoryOfQuestion(q.value))}: ${q.label}`, status: 'info' as FigureStatus }));
  return {
    id: 'open-questions',
    kind: 'list',
    label: 'Questions not answered yet',
    help: 'The manual’s questions no Answer card takes up yet.',
    status: statusOf(entries, 'info'),
    entries,
    empty: 'Every question has an answer.',
  };
}

function singlePointOfContact(answers: ResultItem[]): ListFigure {
  const cards = byTitle(answers.filter((a) => a.fields.question === 'outreach.single-contact'));
  const entries = cards.map((a) => {
    const status = STATUS_LABEL.get(String(a.fields.status ?? ''));
    return { text: `${status ? `${status}: ` : ''}${text(a.fields.answer) || '(no answer written)'}`, status: (a.fields.status === 'in-place' ? 'ok' : 'info') as FigureStatus, itemIds: [a.id] };
  });
  return {
    id: 'single-point-of-contact',
    kind: 'list',
    label: 'A single point of contact',
    help: 'What the team says about one point of contact for businesses, or what would bring its benefits if one door is not realistic.',
    status: entries.length || answers.length === 0 ? 'info' : 'warn',
    entries,
    empty: 'The single point of contact question is not answered yet.',
  };
}

function decisionsByCategory(decisions: ResultItem[]): TableFigure {
  const rows = [...DECISION_CATEGORIES, { value: '', label: 'Category not set' }].flatMap((c) => {
    const list = decisions.filter((d) => decisionCategory(d) === c.value);
    if (c.value === '' && list.length === 0) return [];
    const owned = list.filter((d) => text(d.fields.owner)).length;
    const row: TableFigure['rows'][number] = {
      key: c.value || 'not-set',
      cells: [SHORT[c.value], list.length, list.filter((d) => d.fields.agreed === true).length, owned],
      itemIds: byTitle(list).map((d) => d.id),
    };
    if (c.value === '') row.status = 'info';
    else if (c.value !== 'fit') row.status = list.length ? (owned === list.length ? 'ok' : 'warn') : 'warn';
    return [row];
  });
  return {
    id: 'decisions-by-category',
    kind: 'table',
    label: 'Decisions by category',
    help: 'Each of the three categories needs at least one decision, every decision an owner; agreed means every partner signed up.',
    status: decisions.length === 0 ? 'info' : rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Category', 'Decisions', 'Agreed by all', 'With an owner'],
    rows,
  };
}

function decisionsWithoutOwner(decisions: ResultItem[]): NumberFigure {
  const ownerless = byTitle(decisions.filter((d) => !text(d.fields.owner)));
  return {
    id: 'decisions-without-owner',
    kind: 'number',
    label: 'Decisions without an owner',
    help: 'A decision nobody owns rarely changes anything: name who carries it.',
    value: ownerless.length,
    status: statusOf(ownerless),
    itemIds: ownerless.map((d) => d.id),
  };
}

function partnershipFit(answers: ResultItem[]): ListFigure {
  const cards = byTitle(answers.filter((a) => answerCategory(a) === 'fit' && text(a.fields.answer)));
  return {
    id: 'partnership-fit',
    kind: 'list',
    label: 'Where the sector partnership fits',
    help: 'The team’s view of the partnership’s place in the region’s business outreach, and how current coordination can help it.',
    status: cards.length ? 'ok' : 'info',
    entries: cards.map((a) => {
      const aspect = FIT_ASPECT[String(a.fields.question ?? '')];
      return { text: `${aspect ? `${aspect}: ` : ''}${text(a.fields.answer)}`, itemIds: [a.id] };
    }),
    empty: 'Not discussed yet.',
  };
}

function outreachAddressed(board: ExtractedBoard): ListFigure {
  const by = new Map<string, ResultItem[]>();
  for (const c of board.connectionsOfKind('addresses')) {
    const ends = endsOf(board, c, ['coordination-decision'], ['table', 'knock']);
    if (!ends) continue;
    const list = by.get(ends[1].id) ?? [];
    if (!list.includes(ends[0])) list.push(ends[0]);
    by.set(ends[1].id, list);
  }
  const targets = [...byTitle(board.ofType('table')), ...byTitle(board.ofType('knock'))];
  const entries = targets.map((t) => {
    const decisions = byTitle(by.get(t.id) ?? []);
    const name = t.type === 'knock' ? knockName(t) : t.title;
    return {
      text: `${name} (${t.typeLabel.toLowerCase()}): ${decisions.length ? decisions.map((d) => shorten(d.title, 60)).join('; ') : 'no decision yet'}`,
      status: (decisions.length ? 'ok' : 'info') as FigureStatus,
      itemIds: [t.id, ...decisions.map((d) => d.id)],
    };
  });
  return {
    id: 'outreach-addressed',
    kind: 'list',
    label: 'Tables and knocks the decisions change',
    help: 'The tables and knocks brought in from the Many Tables map, and which decisions change each; the ones with none are still business as usual.',
    status: 'info',
    entries,
    empty: 'No table or knock on the board yet.',
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const answers = board.ofType('coordination-answer');
  const decisions = board.ofType('coordination-decision');
  return [
    questionsAnswered(answers),
    openQuestions(answers),
    singlePointOfContact(answers),
    decisionsByCategory(decisions),
    decisionsWithoutOwner(decisions),
    partnershipFit(answers),
    outreachAddressed(board),
    unfinishedConnectors(
      board,
      [{ kind: 'addresses', from: ['coordination-decision'], to: ['table', 'knock'] }],
      'Addresses arrows with a loose end, or not joining a decision to a table or a knock: they are left out of the figures above.',
    ),
  ];
}
