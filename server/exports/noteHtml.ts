import type { ExportNote } from '../../shared/api/exportDocument';
import { safeLinkUrl, type NoteBlock, type NoteInline } from '../../shared/doc/notes';
import { escapeHtml } from './chart';
import { dateOf } from './reportModel';

/**
 * A note and its after-action review as report HTML. Every text is escaped; a link is written only
 * for an http, https or mailto address (checked again here, whatever the export says), and
 * opens nothing on its own (`rel="noopener noreferrer"`). `headingBase` is the level a note's
 * H1 becomes (its H2 one below, and so on, at most h6).
 */

function inlineHtml(content: readonly NoteInline[]): string {
  let out = '';
  let i = 0;
  while (i < content.length) {
    const href = content[i].href ? safeLinkUrl(content[i].href) : null;
    let j = i + 1;
    while (j < content.length && content[j].href === content[i].href) j++;
    let inner = '';
    for (const r of content.slice(i, j)) {
      let t = escapeHtml(r.text).replace(/\n/g, '<br>');
      if (r.code) t = `<code>${t}</code>`;
      if (r.strikethrough) t = `<s>${t}</s>`;
      if (r.underline) t = `<u>${t}</u>`;
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      inner += t;
    }
    out += href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>` : inner;
    i = j;
  }
  return out;
}

function blockHtml(b: NoteBlock, headingBase: number): string {
  switch (b.type) {
    case 'heading': {
      const level = Math.min(6, headingBase + b.level - 1);
      return `<h${level}>${inlineHtml(b.content)}</h${level}>`;
    }
    case 'paragraph':
      return b.content.length ? `<p>${inlineHtml(b.content)}</p>` : '';
    case 'quote':
      return `<blockquote>${inlineHtml(b.content)}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      const items = b.items
        .map((item) => {
          const box = b.check ? `${item.checked ? '☑' : '☐'} ` : '';
          return `<li>${box}${inlineHtml(item.content)}${item.children.map((c) => blockHtml(c, headingBase)).join('')}</li>`;
        })
        .join('');
      return `<${tag}${start}>${items}</${tag}>`;
    }
  }
}

export function noteBlocksHtml(blocks: readonly NoteBlock[], headingBase: number): string {
  return blocks.map((b) => blockHtml(b, headingBase)).join('\n');
}

/** One review question: the question, its answer (or "unanswered") and the answer's text. */
function reviewItemHtml(r: ExportNote['review'][number]): string {
  const state = r.answer ?? (r.text ? 'text-only' : 'open');
  const answer = r.answerLabel ? `<strong class="answer">${escapeHtml(r.answerLabel)}</strong>` : `<em class="muted">${r.text ? 'no choice made' : 'unanswered'}</em>`;
  const text = r.text ? `: ${escapeHtml(r.text)}` : '';
  const by = r.answeredBy ? ` <span class="muted">(${escapeHtml(r.answeredBy)}${r.answeredAt ? `, ${escapeHtml(dateOf(r.answeredAt))}` : ''})</span>` : '';
  return `<li class="answer-${state}"><span class="question">${escapeHtml(r.question)}</span> ${answer}${text}${by}</li>`;
}

/** The after-action review of a note per phase: each question with its answer (yes, no, not yet), text, who and when. */
export function reviewHtml(note: ExportNote, phaseTitle: (phaseId: string) => string): string {
  if (note.review.length === 0) return '';
  const phases = [...new Set(note.review.map((r) => r.phaseId))];
  return phases
    .map((phaseId) => {
      const rows = note.review
        .filter((r) => r.phaseId === phaseId)
        .map(reviewItemHtml)
        .join('');
      return `<h4>After-action review: ${escapeHtml(phaseTitle(phaseId))}</h4><ul class="review">${rows}</ul>`;
    })
    .join('\n');
}
