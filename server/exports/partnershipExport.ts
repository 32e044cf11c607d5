import schema from '../../shared/partnership-export.schema.json' with { type: 'json' };
import { ACTION_STATUSES } from '../../shared/actionPlan';
import { exportFilename } from '../../shared/api/exportDocument';
import {
  isOverdue,
  latestScores,
  rubricOverTime,
  type PartnershipAction,
  type PartnershipAnswer,
  type PartnershipBoard,
  type PartnershipRubricEntry,
  type RubricPoint,
} from '../../shared/partnership';
import { bandOf, RUBRIC_DIMENSION_IDS } from '../../shared/rubric';
import { guideFor, RUBRIC_GUIDE } from '../../shared/rubricGuide';
import { DIMENSION_COLOURS, DIMENSION_MARKERS, DIMENSION_SHORT, timelineChartModel } from '../../shared/rubricTimeline';
import { escapeHtml } from './chart';
import { csvFile } from '../../shared/api/csv';
import { REPORT_CSP } from './html';

/**
 * The partnership export: a versioned JSON document (shared/partnership-export.schema.json), the
 * actions as one CSV file, and a printable HTML report for the next meeting's packet. None of
 * them carries a link or a token.
 */
export interface PartnershipExport {
  exportVersion: 1;
  kind: 'partnership';
  exportedAt: string;
  partnership: { id: string; name: string; region: string; sector: string; createdAt: string };
  boards: Omit<PartnershipBoard, 'links' | 'thumbnail'>[];
  rubric: PartnershipRubricEntry[];
  rubricOverTime: RubricPoint[];
  actions: (PartnershipAction & { overdue: boolean })[];
}

export function partnershipExportSchemaText(): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function buildPartnershipExport(answer: PartnershipAnswer, now = new Date()): PartnershipExport {
  const today = now.toISOString().slice(0, 10);
  return {
    exportVersion: 1,
    kind: 'partnership',
    exportedAt: now.toISOString(),
    partnership: { id: answer.id, name: answer.name, region: answer.region, sector: answer.sector, createdAt: answer.createdAt },
    boards: answer.boards.map(({ links: _links, thumbnail: _thumbnail, ...b }) => b),
    rubric: answer.rubric,
    rubricOverTime: rubricOverTime(answer.rubric),
    actions: answer.actions.map((a) => ({ ...a, overdue: isOverdue(a, today) })),
  };
}

const STATUS_LABEL = Object.fromEntries(ACTION_STATUSES.map((s) => [s.value, s.label])) as Record<string, string>;

export const ACTIONS_CSV_HEADER = [
  'board_id',
  'board_title',
  'meeting_date',
  'action_id',
  'action',
  'owner',
  'due',
  'status',
  'priority_area',
  'overdue',
  'source_item_id',
  'source_title',
  'created_at',
  'updated_at',
] as const;

/** Every action, one row each (the CSV rules of server/exports/csv.ts: BOM, CRLF, formulas neutralised). */
export function actionsCsv(doc: PartnershipExport): string {
  const boards = new Map(doc.boards.map((b) => [b.id, b]));
  return csvFile(
    ACTIONS_CSV_HEADER,
    doc.actions.map((a) => [
      a.board,
      boards.get(a.board)?.title ?? '',
      boards.get(a.board)?.meetingDate ?? '',
      a.id,
      a.text,
      a.owner,
      a.due,
      a.status,
      a.priorityArea,
      a.overdue,
      a.source?.itemId ?? '',
      a.source?.title ?? '',
      a.createdAt,
      a.updatedAt,
    ]),
  );
}

/** The rubric over time as an SVG string (every text escaped), with a title and description for screen readers. */
export function timelineSvg(points: readonly RubricPoint[]): string {
  const m = timelineChartModel(points);
  const out: string[] = [];
  const describe = points.map((p) => `${p.date}: ${RUBRIC_DIMENSION_IDS.map((d) => `${DIMENSION_SHORT[d]} ${p.scores[d]?.score ?? 'not scored'}`).join(', ')}`).join('; ');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${m.width} ${m.height}" width="${m.width}" height="${m.height}" role="img" aria-labelledby="rot-title rot-desc">`,
    '<title id="rot-title">Rubric scores over time</title>',
    `<desc id="rot-desc">${escapeHtml(describe || 'No session scored yet.')}</desc>`,
  );
  for (const b of m.bands) {
    out.push(`<rect x="${m.plot.left}" y="${b.y}" width="${m.plot.right - m.plot.left}" height="${b.height}" fill="${b.fill}"/>`);
    out.push(`<text x="${m.plot.right + 6}" y="${b.labelY}" font-size="11" fill="#444">${escapeHtml(b.label)}</text>`);
  }
  for (const t of m.ticks) out.push(`<text x="${m.plot.left - 6}" y="${t.y + 4}" font-size="10" text-anchor="end" fill="#555">${t.value}</text>`);
  for (const d of m.dates) out.push(`<text x="${d.x}" y="${m.height - 10}" font-size="10" text-anchor="middle" fill="#555">${escapeHtml(d.date)}</text>`);
  for (const s of m.series) {
    if (s.points.length > 1) out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${s.points.map((p) => `${p.x},${p.y}`).join(' ')}"/>`);
    for (const p of s.points) {
      if (s.marker === 'square') out.push(`<rect x="${p.x - 4}" y="${p.y - 4}" width="8" height="8" fill="${s.colour}"/>`);
      else if (s.marker === 'diamond') out.push(`<path d="M${p.x} ${p.y - 5.5}L${p.x + 5.5} ${p.y}L${p.x} ${p.y + 5.5}L${p.x - 5.5} ${p.y}Z" fill="${s.colour}"/>`);
      else out.push(`<circle cx="${p.x}" cy="${p.y}" r="4.5" fill="${s.colour}"/>`);
    }
  }
  out.push('</svg>');
  return out.join('');
}

const CSS = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1d2430; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dbe3; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #d5dbe3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f1f4f8; } .facts { color: #4a5566; } .nowrap { white-space: nowrap; } .legend span { margin-right: 1rem; } .overdue { color: #a3220f; font-weight: 600; }
@media print { body { margin: 0; } h2 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } }
`;

const t = escapeHtml;

/** The printable report: rubric chart and where to start, open actions by owner, decisions from each board's review, every action. */
export function partnershipHtml(doc: PartnershipExport): string {
  const boardTitle = new Map(doc.boards.map((b) => [b.id, b.title]));
  const latest = latestScores(doc.rubricOverTime);
  const parts: string[] = [];
  parts.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${t(doc.partnership.name)}: partnership report</title><style>${CSS}</style></head><body>`,
    `<h1>${t(doc.partnership.name)}</h1>`,
    `<p class="facts">Region: ${t(doc.partnership.region)} · Sector: ${t(doc.partnership.sector)} · ${doc.boards.length} meeting board${doc.boards.length === 1 ? '' : 's'} · exported ${t(doc.exportedAt.slice(0, 10))}</p>`,
  );
  parts.push('<h2>Meetings</h2>');
  if (doc.boards.length === 0) parts.push('<p>No meeting board yet.</p>');
  else {
    parts.push('<table><thead><tr><th>Meeting</th><th>Board</th><th>Exercise</th><th>Who came</th><th>After-action review</th></tr></thead><tbody>');
    for (const b of doc.boards) {
      parts.push(
        `<tr><td class="nowrap">${t(b.meetingDate)}</td><td>${t(b.title)}</td><td>${t(b.templateTitle)}</td><td>${t(b.participants.join(', ') || '—')}</td><td>${b.review.answered} of ${b.review.total} answered</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('<h2>Rubric over time</h2>');
  if (doc.rubricOverTime.length === 0) parts.push('<p>No rubric session scored yet.</p>');
  else {
    const mark = { circle: '●', square: '■', diamond: '◆' } as const;
    parts.push(
      `<p class="legend">${RUBRIC_DIMENSION_IDS.map((d) => `<span style="color:${DIMENSION_COLOURS[d]}">${mark[DIMENSION_MARKERS[d]]}</span> ${t(DIMENSION_SHORT[d])}`).join(' &nbsp; ')}</p>`,
    );
    parts.push(timelineSvg(doc.rubricOverTime));
    parts.push('<table><thead><tr><th>Dimension</th><th>Latest score</th><th>Band</th><th>Guidepost</th><th>Where to start next</th></tr></thead><tbody>');
    for (const d of RUBRIC_DIMENSION_IDS) {
      const l = latest[d];
      if (!l) {
        parts.push(`<tr><td>${t(RUBRIC_GUIDE[d].title)}</td><td>not scored</td><td></td><td></td><td></td></tr>`);
        continue;
      }
      const g = guideFor(d, l.score);
      parts.push(`<tr><td>${t(RUBRIC_GUIDE[d].title)}</td><td>${l.score} (${t(l.date)})</td><td>${t(bandOf(l.score).label)}</td><td>${t(g.guidepost)}</td><td>${t(g.next)}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push('<h2>Open actions by owner</h2>');
  const open = doc.actions.filter((a) => a.status !== 'done');
  if (open.length === 0) parts.push('<p>No open action.</p>');
  else {
    const byOwner = new Map<string, typeof open>();
    for (const a of open) {
      const key = a.owner.trim() || 'No owner yet';
      byOwner.set(key, [...(byOwner.get(key) ?? []), a]);
    }
    for (const [owner, list] of [...byOwner].sort((a, b) => a[0].localeCompare(b[0], 'en'))) {
      parts.push(`<h3>${t(owner)}</h3><ul>`);
      for (const a of list) {
        parts.push(
          `<li>${t(a.text)}${a.due ? ` · due ${t(a.due)}` : ''}${a.overdue ? ' <span class="overdue">(overdue)</span>' : ''} · ${t(STATUS_LABEL[a.status])} · ${t(boardTitle.get(a.board) ?? '')}</li>`,
        );
      }
      parts.push('</ul>');
    }
  }
  parts.push('<h2>Decisions from each board’s review</h2>');
  const withDecisions = doc.boards.filter((b) => b.decisions.length > 0);
  if (withDecisions.length === 0) parts.push('<p>No review question answered yet.</p>');
  for (const b of withDecisions) {
    parts.push(`<h3>${t(b.meetingDate)} · ${t(b.title)}</h3><ul>`);
    for (const d of b.decisions) parts.push(`<li>${t(d.question)} <strong>${t(d.answerLabel || 'No choice')}</strong>${d.text ? `: ${t(d.text)}` : ''}</li>`);
    parts.push('</ul>');
  }
  parts.push('<h2>Every action</h2>');
  if (doc.actions.length === 0) parts.push('<p>No action yet.</p>');
  else {
    parts.push('<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Priority area</th><th>Board</th></tr></thead><tbody>');
    for (const a of doc.actions) {
      parts.push(
        `<tr><td>${t(a.text)}</td><td>${t(a.owner)}</td><td>${t(a.due)}${a.overdue ? ' <span class="overdue">overdue</span>' : ''}</td><td>${t(STATUS_LABEL[a.status])}</td><td>${t(a.priorityArea)}</td><td>${t(boardTitle.get(a.board) ?? '')}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  parts.push('</body></html>\n');
  return parts.join('\n');
}

export interface RenderedPartnershipExport {
  body: string;
  contentType: string;
  filename: string;
  disposition: 'attachment' | 'inline';
  csp?: string;
}

export function renderPartnershipExport(doc: PartnershipExport, format: 'json' | 'csv' | 'html'): RenderedPartnershipExport {
  const name = (suffix: string) => exportFilename(doc.partnership.name, doc.exportedAt.slice(0, 10), suffix);
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify(doc, null, 2)}\n`, contentType: 'application/json; charset=utf-8', filename: name('-partnership.json'), disposition: 'attachment' };
    case 'csv':
      return { body: actionsCsv(doc), contentType: 'text/csv; charset=utf-8', filename: name('-actions.csv'), disposition: 'attachment' };
    case 'html':
      return { body: partnershipHtml(doc), contentType: 'text/html; charset=utf-8', filename: name('-report.html'), disposition: 'inline', csp: `${REPORT_CSP}; frame-ancestors 'none'` };
  }
}
