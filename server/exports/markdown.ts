import type { BoardExport, ExportItem } from '../../shared/exportDocument';
import type { Figure } from '../../shared/results';
import { rubricChartSvg } from './chart';
import {
  boardFacts,
  dateOf,
  evidenceLine,
  fieldDefsOf,
  fieldText,
  figureRows,
  ROLE_LABELS,
  rubricBars,
  rubricComparison,
  shownEvidence,
} from './reportModel';

/**
 * The report as Markdown (CommonMark with GitHub tables). Every text from the board goes through
 * escapeMarkdown, so a title cannot open a link, an image, an HTML tag, emphasis, a heading or
 * a list. The one piece of HTML is the rubric chart (our own SVG, its texts escaped); renderers
 * that drop HTML still have the same numbers in the table below it.
 */

/** Characters with a meaning anywhere in a line of Markdown (GitHub's extensions included). */
const MARKDOWN_INLINE = /[\\`*_{}[\]()#<>!|~&$@]/g;
/** What makes the start of a line a list item, a heading underline or a quote. */
const MARKDOWN_LINE_START = /^([-+=]|\d+(?=[.)]))/;

/**
 * Escapes text for one line of Markdown (a heading, a table cell, a list entry): characters with
 * an inline meaning are backslash-escaped anywhere, list and heading markers at the start, and
 * line breaks become spaces, so the text stays on its line and cannot open a link, an image, an
 * HTML tag, emphasis, code, a heading, a list or a table cell.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKDOWN_INLINE, (c) => `\\${c}`)
    .replace(MARKDOWN_LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Escapes multi-line text as a paragraph: each line escaped, joined with hard line breaks (blank lines dropped). */
export function escapeMarkdownBlock(value: unknown): string {
  return String(value ?? '')
    .split(/\r\n?|\n/)
    .map((line) => escapeMarkdown(line))
    .filter(Boolean)
    .join('\\\n');
}

/** A table cell: escaped, with line breaks shown as <br>. */
function cell(value: unknown): string {
  return String(value ?? '')
    .split(/\r\n?|\n/)
    .map((line) => escapeMarkdown(line))
    .filter(Boolean)
    .join('<br>');
}

function table(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const head = `| ${header.map(cell).join(' | ')} |`;
  const rule = `|${header.map(() => ' --- ').join('|')}|`;
  const body = rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? String(c) : cell(c ?? ''))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

function itemMarkdown(doc: BoardExport, item: ExportItem, defs: ReturnType<typeof fieldDefsOf>): string {
  const type = doc.itemTypes.find((t) => t.type === item.type);
  const lines = [`#### ${escapeMarkdown(item.title)} · ${escapeMarkdown(item.typeLabel)}`, ''];
  for (const f of type?.fields ?? []) {
    if (f.key === type?.titleField) continue;
    const v = fieldText(defs.item(item.type, f.key), item.fields[f.key]);
    if (v !== '') lines.push(`- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(v)}`);
  }
  const by = [
    item.createdBy ? `added by ${escapeMarkdown(item.createdBy)}${item.createdAt ? ` on ${dateOf(item.createdAt)}` : ''}` : '',
    item.updatedBy ? `last edited by ${escapeMarkdown(item.updatedBy)}${item.updatedAt ? ` on ${dateOf(item.updatedAt)}` : ''}` : '',
  ].filter(Boolean);
  if (by.length) lines.push(`- *${by.join('; ')}*`);
  return lines.join('\n');
}

function figureMarkdown(f: Figure): string {
  const out = [`### ${escapeMarkdown(f.label)}`, ''];
  if (f.kind === 'number') {
    out.push(`**${f.value}**${f.target !== undefined ? ` of ${f.target}` : ''}`);
  } else {
    const { header, rows, empty } = figureRows(f);
    if (rows.length === 0) out.push(`*${escapeMarkdown(empty)}*`);
    else if (f.kind === 'list') out.push(...f.entries.map((e) => `- ${escapeMarkdown(e.text)}`));
    else out.push(table(header, rows));
  }
  if (f.help) out.push('', `*${escapeMarkdown(f.help)}*`);
  return out.join('\n');
}

export function renderMarkdown(doc: BoardExport): string {
  const defs = fieldDefsOf(doc);
  const b = doc.board;
  const out: string[] = [`# ${escapeMarkdown(b.title)}`, '', table(['', ''], boardFacts(doc)), ''];

  out.push('## Participants', '');
  if (doc.participants.length === 0) out.push('*Nobody has been recorded on this board yet.*');
  else for (const p of doc.participants) out.push(`- ${escapeMarkdown(p.name)} (${ROLE_LABELS[p.role] ?? p.role}, last seen ${dateOf(p.lastSeen)})`);
  out.push('');

  out.push('## The board', '', '*The image of the board is not part of this file: use Export → Image on the board, or the printable report.*', '');

  out.push('## Self-assessment rubric', '');
  const { current, previous } = rubricComparison(doc);
  if (!current) {
    out.push('*The team has not scored the self-assessment yet.*', '');
  } else {
    out.push(`Session of **${current.date}**${previous ? `, compared with ${previous.date}` : ''}.`, '');
    out.push(rubricChartSvg(rubricBars(doc), `Session ${current.date}`, previous ? `Session ${previous.date}` : null), '');
    out.push(
      table(
        ['Dimension', 'Score', 'Band', ...(previous ? [`Before (${previous.date})`] : []), 'Rationale', 'Evidence'],
        doc.rubric.dimensions.map((d) => {
          const s = current.scores[d.id];
          return [
            d.label,
            s.score ?? '—',
            s.bandLabel ?? 'not scored',
            ...(previous ? [previous.scores[d.id].score ?? '—'] : []),
            s.rationale,
            shownEvidence(s.evidence).map(evidenceLine).join('\n'),
          ];
        }),
      ),
      '',
    );
    if (doc.rubric.sessions.length > 1) {
      out.push(
        '### All sessions',
        '',
        table(
          ['Session', ...doc.rubric.dimensions.map((d) => d.label)],
          doc.rubric.sessions.map((s) => [s.date, ...doc.rubric.dimensions.map((d) => s.scores[d.id].score ?? '—')]),
        ),
        '',
      );
    }
  }

  out.push('## Action plan', '');
  if (doc.actions.length === 0) out.push('*No actions yet.*', '');
  else
    out.push(
      table(
        ['Action', 'Owner', 'Due', 'Status', 'Priority area', 'From the board'],
        doc.actions.map((a) => [
          a.text,
          a.owner,
          a.due,
          a.statusLabel,
          a.priorityArea,
          a.sourceItemId ? `${a.sourceTitle || 'a card'}${a.sourceExists ? '' : ' (no longer on the board)'}` : '',
        ]),
      ),
      '',
    );

  doc.steps.forEach((s, i) => {
    out.push(`## Step ${i + 1}: ${escapeMarkdown(s.title)}`, '');
    if (s.prompt) out.push(`> ${escapeMarkdownBlock(s.prompt)}`, '');
    out.push(`*${s.items.length} card${s.items.length === 1 ? '' : 's'}${s.zoneLabel ? ` in “${escapeMarkdown(s.zoneLabel)}”` : ''}*`, '');
    for (const item of s.items) out.push(itemMarkdown(doc, item, defs), '');
  });
  if (doc.itemsOutsideSteps.length) {
    out.push('## Cards outside the steps', '');
    for (const item of doc.itemsOutsideSteps) out.push(itemMarkdown(doc, item, defs), '');
  }

  if (doc.figures.length || doc.connections.length) {
    out.push('## Results', '');
    for (const f of doc.figures) out.push(figureMarkdown(f), '');
    if (doc.connections.length) {
      const kinds = new Map(doc.connectorKinds.map((k) => [k.kind, k]));
      out.push(
        '### Connections',
        '',
        table(
          ['Kind', 'From', 'To', 'Details'],
          doc.connections.map((c) => [
            c.kindLabel,
            c.fromTitle ?? 'not connected',
            c.toTitle ?? 'not connected',
            (kinds.get(c.kind)?.fields ?? [])
              .map((f) => [f.label, fieldText(defs.connector(c.kind, f.key), c.fields[f.key])])
              .filter(([, v]) => v !== '')
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
          ]),
        ),
        '',
      );
    }
  }

  out.push('## Notes', '');
  if (doc.notes.length === 0) out.push('*No notes.*');
  else
    for (const n of doc.notes) {
      const step = n.stepId ? doc.steps.find((s) => s.id === n.stepId)?.title ?? n.stepId : null;
      out.push(`- ${step ? `**${escapeMarkdown(step)}:** ` : ''}${escapeMarkdown(n.text)}`);
    }
  out.push('');
  return out.join('\n');
}
