import { describe, expect, it } from 'vitest';
import { BOARD_IMAGE_SLOT_END, BOARD_IMAGE_SLOT_START, exportFilename, fileSlug, insertBoardImage, isExportFormat } from './exportDocument';

describe('isExportFormat', () => {
  it('accepts the four formats and nothing else', () => {
    for (const f of ['json', 'csv', 'md', 'html']) expect(isExportFormat(f)).toBe(true);
    for (const f of ['JSON', 'pdf', '', null, undefined, 1, 'json ']) expect(isExportFormat(f)).toBe(false);
  });
});

describe('fileSlug and exportFilename', () => {
  it('keeps ASCII letters and digits, drops accents, joins the rest with single dashes', () => {
    expect(fileSlug('  Région Nord: "Café" / 2026!  ')).toBe('Region-Nord-Cafe-2026');
    expect(fileSlug('東京')).toBe('');
    expect(fileSlug(`${'ab-'.repeat(30)}`, 10)).toBe('ab-ab-ab-a');
    expect(fileSlug('abcdefghi-jkl', 10)).toBe('abcdefghi');
  });

  it('names a file from the title and date, with a fallback for either', () => {
    expect(exportFilename('Spring review', '2026-05-04', '.json')).toBe('Spring-review-2026-05-04.json');
    expect(exportFilename('', '2026-05-04', '.md')).toBe('board-2026-05-04.md');
    expect(exportFilename('x', 'not a date', '.md')).toBe('x-undated.md');
  });
});

describe('insertBoardImage', () => {
  const report = `<p>before</p>${BOARD_IMAGE_SLOT_START}<div>placeholder</div>${BOARD_IMAGE_SLOT_END}<p>after</p>`;

  it('replaces the slot, markers included, with the image', () => {
    expect(insertBoardImage(report, '<figure>svg</figure>')).toBe('<p>before</p><figure>svg</figure><p>after</p>');
  });

  it('answers null for a page without a slot', () => {
    expect(insertBoardImage('<p>no slot</p>', '<figure/>')).toBeNull();
    expect(insertBoardImage(`<p>${BOARD_IMAGE_SLOT_END}${BOARD_IMAGE_SLOT_START}</p>`, '<figure/>')).toBeNull();
  });
});
