import type { FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { endsOf } from '../kit/figureKit';
import { cleanText, compareText, shorten } from '../kit/text';
import { ROLE_RELATIONS } from './connectors';

/**
 * Figures of the frontline map and the "ten ways" (the flows are in figures.ts).
 *
 * Rules:
 *  - Ten ways: "Way to use sector information" cards with some text, and idea cards with some
 *    text (boards made before the dedicated card), anywhere on the board.
 *  - Organizations: matched with case and runs of whitespace ignored, shown with the first
 *    spelling (by card id). One card is one role at one organization, so the name is not split
 *    on commas (names like "Goodwill of the Valley, Inc." contain them).
 *  - Overlaps and connections: complete "Overlap or connection" arrows between two different
 *    frontline roles (either direction); the same pair drawn twice counts once per relation.
 */

const text = cleanText;
const NO_ORG = '(no organization)';
export const TARGET_IDEAS = 10;

export function tenWays(board: ExtractedBoard): NumberFigure {
  const ways = [...board.ofType('sector-info-use'), ...board.ofType('idea')].filter((i) => text(i.fields.text) !== '');
  return {
    id: 'ten-ways',
    kind: 'number',
    label: 'Ways to use sector information',
    help: 'Ways written so far for how industry information can drive frontline service; the exercise aims for ten.',
    value: ways.length,
    target: TARGET_IDEAS,
    status: ways.length >= TARGET_IDEAS ? 'ok' : 'info',
    itemIds: ways.map((i) => i.id),
  };
}

/** "Ten ways" cards that do not yet say how the way shows up on the frontline or why it matters. */
export function waysToFinish(board: ExtractedBoard): ListFigure {
  const entries = board
    .ofType('sector-info-use')
    .filter((w) => text(w.fields.text) && (!text(w.fields.how) || !text(w.fields.why)))
    .map((w) => {
      const missing = [!text(w.fields.how) && 'how it shows up on the frontline', !text(w.fields.why) && 'why it matters'].filter(Boolean);
      return { text: `${shorten(text(w.fields.text), 60)}: not yet ${missing.join(' or ')}`, status: 'info' as FigureStatus, itemIds: [w.id] };
    });
  return {
    id: 'ways-to-finish',
    kind: 'list',
    label: 'Ways still to think through',
    help: 'For each way: how it will actually happen on the frontline, and why it matters.',
    status: entries.length ? 'info' : 'ok',
    entries,
    empty: 'Every way says how and why.',
  };
}

export function rolesPerOrganization(board: ExtractedBoard): TableFigure {
  const orgs = new Map<string, { label: string; roles: ResultItem[] }>();
  for (const r of board.ofType('frontline-role')) {
    const name = text(r.fields.organization);
    const key = name.toLowerCase();
    let o = orgs.get(key);
    if (!o) orgs.set(key, (o = { label: key ? name : NO_ORG, roles: [] }));
    o.roles.push(r);
  }
  const rows = [...orgs.entries()]
    .sort(([ka, a], [kb, b]) => (ka === '' ? 1 : kb === '' ? -1 : b.roles.length - a.roles.length || compareText(ka, kb)))
    .map(([key, o]) => {
      const titles = [...new Set(o.roles.map((r) => text(r.fields.title)).filter(Boolean))];
      const row: TableFigure['rows'][number] = { key: key || NO_ORG, cells: [o.label, o.roles.length, titles.join(', ')], itemIds: o.roles.map((r) => r.id) };
      if (key === '') row.status = 'info';
      return row;
    });
  return {
    id: 'roles-per-organization',
    kind: 'table',
    label: 'Frontline roles per organization',
    help: 'Who employs the people serving jobseekers and students, and in which roles.',
    columns: ['Organization', 'Frontline roles', 'Roles'],
    rows,
    status: rows.some((r) => r.status === 'info') ? 'info' : 'ok',
  };
}

function roleName(r: ResultItem): string {
  const org = text(r.fields.organization);
  return org ? `${r.title} (${org})` : r.title;
}

export function roleOverlaps(board: ExtractedBoard): ListFigure {
  const label = new Map(ROLE_RELATIONS.map((o) => [o.value, o.label.split(':')[0].toLowerCase()]));
  const seen = new Set<string>();
  const entries: ListFigure['entries'] = [];
  for (const c of board.connectionsOfKind('role-link')) {
    const ends = endsOf(board, c, ['frontline-role'], ['frontline-role']);
    if (!ends) continue;
    const relation = String(c.fields.relation ?? '');
    const [a, b] = [...ends].sort((x, y) => compareText(x.id, y.id));
    const key = `${a.id}|${b.id}|${relation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const notes = text(c.fields.notes);
    entries.push({
      text: `${roleName(a)} ↔ ${roleName(b)}: ${label.get(relation) ?? 'not described'}${notes ? ` (${shorten(notes, 60)})` : ''}`,
      status: relation === 'overlap' ? 'warn' : 'info',
      itemIds: [a.id, b.id],
    });
  }
  entries.sort((x, y) => compareText(x.text.toLowerCase(), y.text.toLowerCase()));
  return {
    id: 'role-overlaps',
    kind: 'list',
    label: 'Where frontline roles overlap or connect',
    help: 'Roles that serve the same people or do the same work (overlaps: coordinate or divide the work) and roles that refer to each other (connections: keep them).',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'info' : 'ok',
    entries,
    empty: 'No overlap or connection marked between frontline roles yet.',
  };
}
