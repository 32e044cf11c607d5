import type { BoardLinks } from '../lib/api';
import { csvFile } from '../../shared/api/csv';

/** A cohort's links as the trainer hands them out: one row per team and role, plus the trainer's own. */

/** A team's links; null where the board's facilitator replaced one (the trainer can make a new one). */
export type TeamLinkSet = Record<keyof BoardLinks, string | null>;

export interface CohortLinksData {
  name: string;
  trainer: string;
  boards: readonly { team: string; id?: string; links: TeamLinkSet }[];
}

/** What stands in for a link the board's facilitator replaced. */
const REPLACED_LINK_TEXT = 'replaced by the board’s facilitator; make a new one on the dashboard';

export const LINK_ROLES: readonly { key: keyof BoardLinks; label: string }[] = [
  { key: 'facilitator', label: 'Facilitator' },
  { key: 'editor', label: 'Editor' },
  { key: 'viewer', label: 'Viewer' },
];

/** What the trainer row says in the team column: it is not a team's link. */
export const TRAINER_ROW_TEAM = '(whole cohort)';

/** Rows `[team, role, link]`: the trainer link first, then each team's three links. */
export function linkRows(data: CohortLinksData): [string, string, string][] {
  const rows: [string, string, string][] = [[TRAINER_ROW_TEAM, 'trainer', data.trainer]];
  for (const b of data.boards) for (const r of LINK_ROLES) rows.push([b.team, r.key, b.links[r.key] ?? '']);
  return rows;
}

/** The links as a CSV file (BOM, CRLF, formula-neutralised): `team,role,link`. */
export function linksCsv(data: CohortLinksData): string {
  return csvFile(['team', 'role', 'link'], linkRows(data));
}

/** The links as plain text to paste into a message or a document. */
export function linksText(data: CohortLinksData): string {
  const lines = [`${data.name}`, `Trainer dashboard (keep this private): ${data.trainer}`];
  for (const b of data.boards) {
    lines.push('', b.team);
    for (const r of LINK_ROLES) lines.push(`  ${r.label}: ${b.links[r.key] ?? REPLACED_LINK_TEXT}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One team's three links as plain text. */
export function teamText(team: string, links: TeamLinkSet): string {
  return [team, ...LINK_ROLES.map((r) => `  ${r.label}: ${links[r.key] ?? REPLACED_LINK_TEXT}`)].join('\n');
}

/** A file name from the cohort's name and a date: `Spring-academy-links-2026-05-04.csv`. */
export function linksFileName(name: string, date: Date): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'cohort';
  const d = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${slug}-links-${d}.csv`;
}
