import type { BoardExport, ExportItem, ExportNote, ExportReviewAnswer } from '../../shared/api/exportDocument';
import { noteMarkdown } from '../../shared/doc/notes';
import type { Figure } from '../../shared/results';
import { rubricChartSvg } from './chart';
import {
  boardFacts,
  dateOf,
  evidenceLine,
  fieldDefsOf,
  fieldText,
  figureRows,
  phaseTitle,
  ROLE_LABELS,
  rubricBars,
  rubricComparison,
  rubricMeanings,
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

/** One review question as a list entry: the question, then the answer (or "unanswered") and its text. */
function reviewLine(r: ExportReviewAnswer): string {
  if (r.answer === null && r.text === '') return `- ${escapeMarkdown(r.question)} → *unanswered*`;
  const by = r.answeredBy ? ` *(${escapeMarkdown(r.answeredBy)}${r.answeredAt ? `, ${dateOf(r.answeredAt)}` : ''})*` : '';
  const answer = r.answerLabel ? `**${escapeMarkdown(r.answerLabel)}**` : '*no choice made*';
  return `- ${escapeMarkdown(r.question)} → ${answer}${r.text ? `: ${escapeMarkdown(r.text)}` : ''}${by}`;
}

/**
 * A step's note, its headings placed under the report's (the note's ## becomes ####), then its
 * after-action review per phase: each question with its answer (yes, no, not yet) and text.
 */
function noteSection(note: ExportNote): string {
  const out: string[] = [note.text.trim() ? noteMarkdown(note.blocks, { headingShift: 2 }) : '*No notes written.*'];
  for (const phaseId of [...new Set(note.review.map((r) => r.phaseId))]) {
    out.push('', `#### After-action review: ${escapeMarkdown(phaseTitle(phaseId))}`, '');
    for (const r of note.review.filter((q) => q.phaseId === phaseId)) out.push(reviewLine(r));
  }
  return out.join('\n');
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

/** "Dot votes": one ranked table per revealed round (open rounds have no counts to show). */
function votesMarkdown(doc: BoardExport): string[] {
  const revealed = (doc.votes ?? []).filter((r) => r.status === 'revealed');
  if (revealed.length === 0) return [];
  const out = ['## Dot votes', ''];
  for (const r of revealed) {
    const when = r.revealedAt ? `, revealed ${dateOf(r.revealedAt)}` : '';
    out.push(`### ${escapeMarkdown(r.stepTitle)}`, '');
    out.push(`*${r.voters} voter${r.voters === 1 ? '' : 's'}, ${r.perPerson} dot${r.perPerson === 1 ? '' : 's'} each${when}*`, '');
    if (!r.ranking?.length) out.push('*No dots were placed.*', '');
    else out.push(table(['Rank', 'Item', 'Dots'], r.ranking.map((e) => [e.rank, e.title, e.votes])), '');
  }
  return out;
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
    const meanings = rubricMeanings(doc);
    if (meanings.length) {
      out.push('### What the scores mean', '');
      for (const m of meanings) {
        out.push(`**${escapeMarkdown(m.label)}: ${escapeMarkdown(m.bandLabel)} (${m.score}).** ${escapeMarkdown(m.bandDescription)}`, '');
        if (m.guidepost) out.push(`- *Guidepost:* ${escapeMarkdown(m.guidepost)}`);
        if (m.next) out.push(`- *Where to start next:* ${escapeMarkdown(m.next)}`);
        out.push('');
      }
    }
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
    const note = doc.notes.find((n) => n.stepId === s.id);
    if (note) out.push('### Notes', '', noteSection(note), '');
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

  out.push(...votesMarkdown(doc));

  out.push('## Notes', '');
  const boardNotes = doc.notes.filter((n) => n.stepId === null || !doc.steps.some((s) => s.id === n.stepId));
  if (boardNotes.length) {
    for (const n of boardNotes) {
      if (n.stepId !== null) out.push(`### ${escapeMarkdown(n.stepTitle)}`, '');
      out.push(noteSection(n), '');
    }
  } else if (doc.notes.length) out.push('*Each step’s notes and review are with the step above.*', '');
  else out.push('*No notes.*', '');
  return out.join('\n');
}
