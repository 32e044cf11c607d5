import { strToU8, zipSync, type Zippable } from 'fflate';
import { exportFilename, fileSlug, type BoardExport } from '../../shared/api/exportDocument';
import { csvFiles } from './csvFiles';
import { renderExport } from './formats';
import type { CohortInput } from './exportJobs';
import { comparisonCsv } from './cohortComparison';
import { comparisonOf, teamResultsOfExport } from './cohortResults';

/**
 * The folder of a team in the zip: its position (01, 02, …) and a slug of its name. Team names
 * are user input; the slug keeps only ASCII letters, digits and single dashes, so it can never
 * be `..`, hold a slash or a control character ("team" when nothing is left).
 */
export function teamFolder(position: number, team: string): string {
  return `${String(position + 1).padStart(2, '0')}-${fileSlug(team, 40) || 'team'}`;
}

export function cohortZipName(cohortName: string, exportedAt: Date): string {
  return exportFilename(cohortName, exportedAt.toISOString().slice(0, 10), '-cohort.zip');
}

const readme = (cohort: CohortInput, exportedAt: string, folders: string[]) =>
  [
    `Cohort: ${cohort.name}`,
    `Template: ${cohort.templateId}${cohort.variant ? ` (${cohort.variant})` : ''}`,
    `Exported: ${exportedAt}`,
    '',
    'One folder per team board, numbered in the cohort order:',
    ...folders.map((f) => `  ${f}/`),
    '',
    'In each folder:',
    '  board.json   the board export (JSON; schema at /api/export-schema.json)',
    '  csv/         one CSV file per entity type (items, connections, figures, rubric, actions, ...)',
    '  report.html  the printable report',
    '  report.md    the report in Markdown',
    '',
    'comparison.csv: one row per team: items, connections, the exercise figures, the latest',
    'rubric scores and the actions per status (same figures as the cohort comparison).',
    '',
  ].join('\r\n');

/**
 * GET /api/cohorts/:id/export: every team board's export document (the same documents and
 * renderers as GET /api/boards/:id/export; `exports` in the cohort's board order), rendered into
 * one folder per team, `comparison.csv` built from those same documents, and a README. Pure:
 * it runs on an export worker (server/exports/exportJobs.ts).
 */
export function buildCohortZip(cohort: CohortInput, exports: readonly BoardExport[], now: Date): { filename: string; body: Uint8Array } {
  const mtime = now;
  const files: Zippable = {};
  const teams = [];
  const folders: string[] = [];
  for (const [i, ref] of cohort.boards.entries()) {
    const doc = exports[i];
    const folder = teamFolder(ref.position, ref.team);
    folders.push(folder);
    const text = (format: 'json' | 'html' | 'md') => {
      const body = renderExport(doc, format).body;
      return typeof body === 'string' ? strToU8(body) : body;
    };
    files[`${folder}/board.json`] = [text('json'), { mtime }];
    for (const [name, csv] of Object.entries(csvFiles(doc))) files[`${folder}/csv/${name}`] = [strToU8(csv), { mtime }];
    files[`${folder}/report.html`] = [text('html'), { mtime }];
    files[`${folder}/report.md`] = [text('md'), { mtime }];
    teams.push(teamResultsOfExport(ref.team, doc));
  }
  files['comparison.csv'] = [strToU8(comparisonCsv(comparisonOf(cohort, teams))), { mtime }];
  files['README.txt'] = [strToU8(readme(cohort, now.toISOString(), folders)), { mtime }];
  return { filename: cohortZipName(cohort.name, now), body: zipSync(files, { level: 6 }) };
}
