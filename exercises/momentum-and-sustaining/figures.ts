import type { Figure, FigureStatus, ListFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle } from '../kit/figureKit';
import { cleanText, shorten } from '../kit/text';
import { CONVENER_QUESTIONS, EMPLOYER_QUESTIONS, IDEAS_TO_ACTION, MOMENTUM_NEEDS, SUPPORT_TEAM_QUESTIONS, type CheckQuestion } from './items';

/**
 * Derived figures of building momentum and sustaining.
 *
 * Rules:
 *  - Each card answers its questions for whoever filled it in (the team or a task team for the
 *    ideas-to-action checks; one person for each role card). A question's row counts the cards
 *    answering yes, not yet and no, and those that left it empty; a row with a no warns, with a
 *    not yet is info, all yes is ok. The row points at the cards answering no or not yet.
 *  - "What is needed" warns when a check is answered no or not yet and no What is needed card
 *    says how to help.
 *  - Next steps: Action cards with text in the two next-steps zones, by question.
 */

const text = cleanText;

function answersTable(id: string, label: string, help: string, cards: ResultItem[], questions: CheckQuestion[]): TableFigure {
  const rows = questions.map((q) => {
    const n = (v: string) => cards.filter((c) => c.fields[q.key] === v).length;
    const [yes, notYet, no] = [n('yes'), n('not-yet'), n('no')];
    const open = byTitle(cards.filter((c) => c.fields[q.key] === 'no' || c.fields[q.key] === 'not-yet'));
    const status: FigureStatus = no ? 'warn' : notYet ? 'info' : yes ? 'ok' : 'info';
    return { key: q.key, cells: [q.label, yes, notYet, no, cards.length - yes - notYet - no], status, itemIds: open.map((c) => c.id) };
  });
  return {
    id,
    kind: 'table',
    label,
    help,
    status: cards.length === 0 ? 'info' : rows.some((r) => r.status === 'warn') ? 'warn' : rows.some((r) => r.status === 'info') ? 'info' : 'ok',
    columns: ['Question', 'Yes', 'Not yet', 'No', 'Not answered'],
    rows,
  };
}

function whatIsNeeded(checks: ResultItem[], needs: ResultItem[]): ListFigure {
  const label = new Map(MOMENTUM_NEEDS.map((o) => [o.value, o.label]));
  const entries: ListFigure['entries'] = byTitle(needs).map((n) => {
    const kind = label.get(String(n.fields.need ?? ''));
    const owner = text(n.fields.owner);
    const what = [kind, shorten(text(n.fields.details))].filter(Boolean).join(': ') || 'Not described yet';
    return { text: `${what}${owner ? ` (${owner})` : ' (nobody has taken it on)'}`, status: (owner ? 'ok' : 'warn') as FigureStatus, itemIds: [n.id] };
  });
  const gaps = checks.some((c) => IDEAS_TO_ACTION.some((q) => c.fields[q.key] === 'no' || c.fields[q.key] === 'not-yet'));
  if (gaps && needs.length === 0) entries.push({ text: 'Some checks are no or not yet, and nothing says yet what would help.', status: 'warn' });
  return {
    id: 'what-is-needed',
    kind: 'list',
    label: 'What is needed',
    help: 'For the checks answered no or not yet: what would move the partnership from ideas to action, and who takes it on.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'ok' : 'info',
    entries,
    empty: 'Nothing noted yet.',
  };
}

function respondents(board: ExtractedBoard): TableFigure {
  const roles: [string, string][] = [
    ['convener-check', 'Conveners'],
    ['support-team-check', 'Support partners'],
    ['employer-check', 'Employers'],
  ];
  const rows = roles.map(([type, label]) => {
    const cards = byTitle(board.ofType(type));
    const named = cards.filter((c) => text(c.fields.name));
    return { key: type, cells: [label, cards.length, named.map((c) => c.title).join(', ')], status: (cards.length ? 'ok' : 'info') as FigureStatus, itemIds: cards.map((c) => c.id) };
  });
  return {
    id: 'respondents',
    kind: 'table',
    label: 'Who answered',
    help: 'The sustainability questions are answered by the people in each role, each for themselves: a role with nobody answering is a voice missing.',
    status: rows.every((r) => r.status === 'ok') ? 'ok' : 'info',
    columns: ['Role', 'Answers', 'Names'],
    rows,
  };
}

function nextSteps(board: ExtractedBoard): ListFigure {
  const groups: [string, string][] = [
    ['next-momentum', 'Momentum'],
    ['next-sustain', 'Sustainability'],
  ];
  const entries: ListFigure['entries'] = [];
  for (const [zone, label] of groups) {
    for (const a of byTitle(board.ofType('action').filter((x) => x.zoneId === zone && text(x.fields.text)))) {
      const meta = [text(a.fields.owner), text(a.fields.due)].filter(Boolean).join(', ');
      entries.push({ text: `${label}: ${shorten(text(a.fields.text))}${meta ? ` (${meta})` : ' (no owner yet)'}`, status: text(a.fields.owner) ? 'ok' : 'warn', itemIds: [a.id] });
    }
  }
  return {
    id: 'next-steps',
    kind: 'list',
    label: 'Next steps',
    help: 'The answers to the two closing questions: how the partnership stays action-oriented, and its priorities for lasting. Promote each to the action plan.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'ok' : 'info',
    entries,
    empty: 'No next step yet.',
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const checks = board.ofType('ideas-to-action');
  return [
    answersTable(
      'ideas-to-action',
      'From ideas to action',
      'The five checks of moving from ideas to action, as the team (or each task team) answered them.',
      checks,
      IDEAS_TO_ACTION,
    ),
    whatIsNeeded(checks, board.ofType('momentum-need')),
    respondents(board),
    answersTable('convener-answers', 'Conveners', 'How the conveners answered the questions about their own role in sustaining the partnership.', board.ofType('convener-check'), CONVENER_QUESTIONS),
    answersTable('support-team-answers', 'Sector support team', 'How the support partners answered for their organizations and programs.', board.ofType('support-team-check'), SUPPORT_TEAM_QUESTIONS),
    answersTable('employer-answers', 'Employers', 'How the employers answered for themselves and their companies.', board.ofType('employer-check'), EMPLOYER_QUESTIONS),
    nextSteps(board),
  ];
}
