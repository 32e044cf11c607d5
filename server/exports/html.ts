import { BOARD_IMAGE_SLOT_END, BOARD_IMAGE_SLOT_START, type BoardExport, type ExportItem, type ExportNote } from '../../shared/api/exportDocument';
import type { Figure } from '../../shared/results';
import { escapeHtml, rubricChartSvg } from './chart';
import { noteBlocksHtml, reviewHtml } from './noteHtml';
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

export { escapeHtml } from './chart';

/**
 * The printable report: one self-contained HTML page (inline CSS, no script, no request to
 * anything: its own Content-Security-Policy forbids scripts and remote content). Every text from
 * the board goes through escapeHtml. Sections start on a new A4 page when printed.
 */

/** Forbids scripts, frames, forms and any remote content; inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1c1c1c; background: #e9ecef; }
.sheet { max-width: 210mm; margin: 16px auto; padding: 18mm 16mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.screen-note { max-width: 210mm; margin: 12px auto 0; padding: 8px 12px; font-size: 10pt; color: #444; background: #fff8d6; border: 1px solid #e6d48a; border-radius: 4px; }
h1 { font-size: 22pt; margin: 0 0 4pt; line-height: 1.15; }
h2 { font-size: 15pt; margin: 0 0 8pt; padding-bottom: 3pt; border-bottom: 2px solid #1f5f8b; color: #16415f; }
h3 { font-size: 12.5pt; margin: 14pt 0 6pt; color: #16415f; }
h4 { font-size: 11pt; margin: 0 0 3pt; }
p { margin: 0 0 6pt; }
section { margin-top: 20pt; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 8pt 0 0; }
.facts dt { font-weight: 600; color: #444; }
.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 10pt; }
th, td { border: 1px solid #c9d1d9; padding: 4pt 6pt; text-align: left; vertical-align: top; }
th { background: #eef3f7; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #5b6670; }
.prompt { font-style: italic; color: #444; border-left: 3px solid #c9d1d9; padding-left: 8pt; }
.item { border: 1px solid #d6dde3; border-radius: 4px; padding: 6pt 8pt; margin: 0 0 6pt; break-inside: avoid; }
.item .type { font-size: 9pt; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: #5b6670; }
.item dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0 0; font-size: 10pt; }
.item dt { color: #5b6670; }
.item dd { margin: 0; white-space: pre-wrap; }
.item .by { font-size: 9pt; color: #5b6670; margin-top: 3pt; }
.figure { break-inside: avoid; margin-bottom: 8pt; }
.figure .value { font-size: 16pt; font-weight: 700; }
.figure.status-warn > h4, li.status-warn { color: #8a4b00; }
.figure.status-warn > h4::before { content: "⚠ "; }
.board-image { border: 1px dashed #9aa5ae; border-radius: 4px; padding: 10pt; text-align: center; color: #5b6670; }
.board-image svg { max-width: 100%; height: auto; }
figure.board-image { margin: 0; padding: 6pt; border: 1px solid #d6dde3; break-inside: avoid; }
.rubric-chart { max-width: 100%; height: auto; margin: 6pt 0; }
.rubric-meaning { break-inside: avoid; margin: 0 0 6pt; }
.rubric-meaning p { margin: 0 0 2pt; }
.rubric-meaning dl { margin: 0 0 0 10pt; }
.rubric-meaning dt { font-style: italic; }
.rubric-meaning dd { margin: 0 0 2pt 10pt; }
.pre { white-space: pre-wrap; }
.note { margin: 0 0 8pt; }
.note h3, .note h4, .note h5, .note h6 { margin: 8pt 0 4pt; }
.note h5, .note h6 { font-size: 10.5pt; }
.note blockquote { margin: 0 0 6pt; padding-left: 8pt; border-left: 3px solid #c9d1d9; color: #444; }
.note code { font-size: 0.95em; background: #f1f3f5; padding: 0 2pt; border-radius: 2px; }
ul.review { padding-left: 16pt; }
ul.review li { margin: 0 0 3pt; break-inside: avoid; }
ul.review .question::after { content: " →"; color: #5b6670; }
ul.review li.answer-no .answer { color: #8a1c1c; }
ul.review li.answer-not-yet .answer { color: #8a4b00; }
ul.review li.answer-yes .answer { color: #1f6b2c; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.nowrap { white-space: nowrap; }
ul { margin: 0 0 6pt; padding-left: 16pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; }
  .sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .screen-note { display: none; }
  section { break-before: page; margin-top: 0; }
  section.keep { break-before: auto; margin-top: 16pt; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Multi-line user text with its line breaks kept (the CSS shows them). */
const text = (v: unknown) => escapeHtml(v);

function factsHtml(doc: BoardExport): string {
  return `<dl class="facts">${boardFacts(doc)
    .map(([k, v]) => `<dt>${text(k)}</dt><dd>${text(v) || '<span class="muted">—</span>'}</dd>`)
    .join('')}</dl>`;
}

function participantsHtml(doc: BoardExport): string {
  if (doc.participants.length === 0) return '<p class="muted">Nobody has been recorded on this board yet.</p>';
  return `<ul>${doc.participants
    .map((p) => `<li>${text(p.name)} <span class="muted">(${text(ROLE_LABELS[p.role] ?? p.role)}, last seen ${text(dateOf(p.lastSeen))})</span></li>`)
    .join('')}</ul>`;
}

function rubricHtml(doc: BoardExport): string {
  const { current, previous } = rubricComparison(doc);
  if (!current) return '<p class="muted">The team has not scored the self-assessment yet.</p>';
  const rows = doc.rubric.dimensions
    .map((d) => {
      const s = current.scores[d.id];
      const before = previous?.scores[d.id];
      const evidence = shownEvidence(s.evidence);
      return `<tr><th scope="row">${text(d.label)}</th><td class="num">${s.score ?? '—'}</td><td>${text(s.bandLabel ?? 'not scored')}</td>${
        previous ? `<td class="num">${before?.score ?? '—'}</td>` : ''
      }<td class="pre">${text(s.rationale)}</td><td>${
        evidence.length ? `<ul>${evidence.map((e) => `<li>${text(evidenceLine(e))}</li>`).join('')}</ul>` : '<span class="muted">none</span>'
      }</td></tr>`;
    })
    .join('');
  const history =
    doc.rubric.sessions.length > 1
      ? `<h3>All sessions</h3><table><thead><tr><th scope="col">Session</th>${doc.rubric.dimensions
          .map((d) => `<th scope="col" class="num">${text(d.label)}</th>`)
          .join('')}</tr></thead><tbody>${doc.rubric.sessions
          .map((s) => `<tr><th scope="row">${text(s.date)}</th>${doc.rubric.dimensions.map((d) => `<td class="num">${s.scores[d.id].score ?? '—'}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`
      : '';
  const meanings = rubricMeanings(doc);
  const meaning = meanings.length
    ? `<h3>What the scores mean</h3>${meanings
        .map(
          (m) =>
            `<div class="rubric-meaning"><p><strong>${text(m.label)}: ${text(m.bandLabel)} (${m.score}).</strong> ${text(m.bandDescription)}</p><dl>${
              m.guidepost ? `<dt>Guidepost</dt><dd>${text(m.guidepost)}</dd>` : ''
            }${m.next ? `<dt>Where to start next</dt><dd>${text(m.next)}</dd>` : ''}</dl></div>`,
        )
        .join('')}`
    : '';
  return `<p>Session of <strong>${text(current.date)}</strong>${previous ? `, compared with ${text(previous.date)}` : ''}.</p>
${rubricChartSvg(rubricBars(doc), `Session ${current.date}`, previous ? `Session ${previous.date}` : null)}
<table><thead><tr><th scope="col">Dimension</th><th scope="col" class="num">Score</th><th scope="col">Band</th>${
    previous ? `<th scope="col" class="num">Before (${text(previous.date)})</th>` : ''
  }<th scope="col">Rationale</th><th scope="col">Evidence</th></tr></thead><tbody>${rows}</tbody></table>${meaning}${history}`;
}

function actionsHtml(doc: BoardExport): string {
  if (doc.actions.length === 0) return '<p class="muted">No actions yet.</p>';
  return `<table><thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Priority area</th><th scope="col">From the board</th></tr></thead><tbody>${doc.actions
    .map(
      (a) =>
        `<tr><td class="pre">${text(a.text)}</td><td>${text(a.owner)}</td><td class="nowrap">${text(a.due)}</td><td>${text(a.statusLabel)}</td><td>${text(a.priorityArea)}</td><td>${
          a.sourceItemId ? `${text(a.sourceTitle || 'a card')}${a.sourceExists ? '' : ' <span class="muted">(no longer on the board)</span>'}` : ''
        }</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function itemHtml(doc: BoardExport, item: ExportItem, defs: ReturnType<typeof fieldDefsOf>): string {
  const type = doc.itemTypes.find((t) => t.type === item.type);
  const titleField = type?.titleField;
  const fields = (type?.fields ?? [])
    .filter((f) => f.key !== titleField)
    .map((f) => [f.label, fieldText(defs.item(item.type, f.key), item.fields[f.key])] as const)
    .filter(([, v]) => v !== '');
  const by = [
    item.createdBy ? `Added by ${text(item.createdBy)}${item.createdAt ? ` on ${text(dateOf(item.createdAt))}` : ''}` : '',
    item.updatedBy ? `last edited by ${text(item.updatedBy)}${item.updatedAt ? ` on ${text(dateOf(item.updatedAt))}` : ''}` : '',
  ].filter(Boolean);
  return `<article class="item"><div class="type">${text(item.typeLabel)}</div><h4>${text(item.title)}</h4>${
    fields.length ? `<dl>${fields.map(([k, v]) => `<dt>${text(k)}</dt><dd>${text(v)}</dd>`).join('')}</dl>` : ''
  }${by.length ? `<div class="by">${by.join('; ')}</div>` : ''}</article>`;
}

/** A step's note (its headings placed under the report's) and its review checklist. */
function noteHtml(note: ExportNote): string {
  const body = note.text.trim() ? noteBlocksHtml(note.blocks, 3) : '<p class="muted">No notes written.</p>';
  return `<div class="note">${body}</div>${reviewHtml(note, phaseTitle)}`;
}

function figureHtml(f: Figure): string {
  const warn = f.status === 'warn' ? ' status-warn' : '';
  const help = f.help ? `<p class="muted">${text(f.help)}</p>` : '';
  if (f.kind === 'number') {
    return `<div class="figure${warn}"><h4>${text(f.label)}</h4><p class="value">${f.value}${f.target !== undefined ? ` <span class="muted">of ${f.target}</span>` : ''}</p>${help}</div>`;
  }
  const { header, rows, empty } = figureRows(f);
  if (rows.length === 0) return `<div class="figure"><h4>${text(f.label)}</h4><p class="muted">${text(empty)}</p>${help}</div>`;
  if (f.kind === 'list') {
    return `<div class="figure${warn}"><h4>${text(f.label)}</h4><ul>${f.entries
      .map((e) => `<li${e.status === 'warn' ? ' class="status-warn"' : ''}>${text(e.text)}</li>`)
      .join('')}</ul>${help}</div>`;
  }
  return `<div class="figure${warn}"><h4>${text(f.label)}</h4><table><thead><tr>${header.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => (typeof c === 'number' ? `<td class="num">${c}</td>` : `<td>${text(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>${help}</div>`;
}

function connectionsHtml(doc: BoardExport): string {
  if (doc.connections.length === 0) return '';
  const defs = fieldDefsOf(doc);
  const kinds = new Map(doc.connectorKinds.map((k) => [k.kind, k]));
  return `<h3>Connections</h3><table><thead><tr><th scope="col">Kind</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Details</th></tr></thead><tbody>${doc.connections
    .map((c) => {
      const details = (kinds.get(c.kind)?.fields ?? [])
        .map((f) => [f.label, fieldText(defs.connector(c.kind, f.key), c.fields[f.key])] as const)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${text(k)}: ${text(v)}`)
        .join('<br>');
      const end = (title: string | null) => (title === null ? '<span class="muted">not connected</span>' : text(title));
      return `<tr><td>${text(c.kindLabel)}</td><td>${end(c.fromTitle)}</td><td>${end(c.toTitle)}</td><td>${details}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

/** "Dot votes": one ranked table per revealed round; nothing when no round has been revealed. */
function votesHtml(doc: BoardExport): string {
  const revealed = (doc.votes ?? []).filter((r) => r.status === 'revealed');
  if (revealed.length === 0) return '';
  const rounds = revealed.map((r) => {
    const facts = `${r.voters} voter${r.voters === 1 ? '' : 's'}, ${r.perPerson} dot${r.perPerson === 1 ? '' : 's'} each${r.revealedAt ? `, revealed ${text(dateOf(r.revealedAt))}` : ''}`;
    const body = r.ranking?.length
      ? `<table><thead><tr><th scope="col" class="num">Rank</th><th scope="col">Item</th><th scope="col" class="num">Dots</th></tr></thead><tbody>${r.ranking
          .map((e) => `<tr><td class="num">${e.rank}</td><td>${text(e.title)}</td><td class="num">${e.votes}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p class="muted">No dots were placed.</p>';
    return `<h3>${text(r.stepTitle)}</h3><p class="muted">${facts}</p>${body}`;
  });
  return `<section class="keep" aria-labelledby="votes"><h2 id="votes">Dot votes</h2>${rounds.join('\n')}</section>`;
}

export function renderHtml(doc: BoardExport): string {
  const defs = fieldDefsOf(doc);
  const b = doc.board;
  const stepNotes = (stepId: string) => {
    const note = doc.notes.find((n) => n.stepId === stepId);
    return note ? `<h3>Notes</h3>${noteHtml(note)}` : '';
  };
  const steps = doc.steps
    .map(
      (s, i) => `<section class="step" aria-labelledby="step-${i + 1}">
<h2 id="step-${i + 1}">Step ${i + 1}: ${text(s.title)}</h2>
${s.prompt ? `<p class="prompt">${text(s.prompt)}</p>` : ''}
<p class="muted">${s.items.length} card${s.items.length === 1 ? '' : 's'}${s.zoneLabel ? ` in “${text(s.zoneLabel)}”` : ''}</p>
${s.items.map((item) => itemHtml(doc, item, defs)).join('\n')}
${stepNotes(s.id)}
</section>`,
    )
    .join('\n');
  const outside = doc.itemsOutsideSteps.length
    ? `<section aria-labelledby="outside"><h2 id="outside">Cards outside the steps</h2>${doc.itemsOutsideSteps.map((item) => itemHtml(doc, item, defs)).join('\n')}</section>`
    : '';
  const figures = doc.figures.length || doc.connections.length
    ? `<section aria-labelledby="results"><h2 id="results">Results</h2>${doc.figures.map(figureHtml).join('\n')}${connectionsHtml(doc)}</section>`
    : '';
  const boardNotes = doc.notes.filter((n) => n.stepId === null || !doc.steps.some((s) => s.id === n.stepId));
  const notes = boardNotes.length
    ? boardNotes.map((n) => `${n.stepId === null ? '' : `<h3>${text(n.stepTitle)}</h3>`}${noteHtml(n)}`).join('\n')
    : doc.notes.length
      ? '<p class="muted">Each step’s notes and review are with the step above.</p>'
      : '<p class="muted">No notes.</p>';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(b.title)} · report ${text(dateOf(doc.exportedAt))}</title>
<style>${CSS}</style>
</head>
<body>
<p class="screen-note">Print this page (Ctrl+P or ⌘P) to save it as a PDF. This note is not printed.</p>
<main class="sheet">
<header>
<h1>${text(b.title)}</h1>
${factsHtml(doc)}
</header>
<section class="keep" aria-labelledby="participants"><h2 id="participants">Participants</h2>${participantsHtml(doc)}</section>
<section class="keep" aria-labelledby="board-image"><h2 id="board-image">The board</h2>
${BOARD_IMAGE_SLOT_START}<div class="board-image" data-board-image><p>The image of the board is added when the report is opened from the board (Export → Printable report).</p></div>${BOARD_IMAGE_SLOT_END}
</section>
<section aria-labelledby="rubric"><h2 id="rubric">Self-assessment rubric</h2>${rubricHtml(doc)}</section>
<section class="keep" aria-labelledby="actions"><h2 id="actions">Action plan</h2>${actionsHtml(doc)}</section>
${steps}
${outside}
${figures}
${votesHtml(doc)}
<section class="keep" aria-labelledby="notes"><h2 id="notes">Notes</h2>${notes}</section>
</main>
</body>
</html>
`;
}
