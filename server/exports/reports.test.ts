import { describe, expect, it } from 'vitest';
import { BOARD_IMAGE_SLOT_END, BOARD_IMAGE_SLOT_START, type BoardExport } from '../../shared/api/exportDocument';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { buildExport } from './buildExport';
import { rubricChartSvg } from './chart';
import { csvFiles } from './csvFiles';
import { exportFilename, renderExport } from './formats';
import { escapeHtml, renderHtml } from './html';
import { escapeMarkdown, escapeMarkdownBlock, renderMarkdown } from './markdown';
import { addRubricAndActions, boardDoc, boardRow } from './testing';
import { BAND_DESCRIPTIONS, RUBRIC_GUIDE } from '../../shared/rubricGuide';

const NOW = new Date('2026-05-04T12:00:00.000Z');

function exportOf(overrides: Parameters<typeof boardRow>[1] = {}): BoardExport {
  const { records, ids } = manyTablesFixture();
  const row = boardRow(manyTablesManyKnocks, overrides);
  const doc = boardDoc(manyTablesManyKnocks, row, records);
  addRubricAndActions(doc, ids.ideaFrontDoor, 'Front door');
  return buildExport(doc, row, [{ userId: 'u1', name: 'Maria', role: 'facilitator', firstSeen: '2026-04-20T09:00:00.000Z', lastSeen: '2026-04-20T11:00:00.000Z' }], NOW);
}

describe('escapeHtml', () => {
  it('turns the five markup characters into entities and leaves the rest', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('Région ✓ 東京')).toBe('Région ✓ 東京');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a link', '[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['an image', '![x](y)', '\\!\\[x\\]\\(y\\)'],
    ['an autolink', '<https://evil.example>', '\\<https://evil.example\\>'],
    ['HTML', '<script>alert(1)</script>', '\\<script\\>alert\\(1\\)\\</script\\>'],
    ['an entity', '&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['emphasis and code', '*a* _b_ `c` ~d~', '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~'],
    ['a table cell break', 'a | b', 'a \\| b'],
    ['a heading', '# Title', '\\# Title'],
    ['a bullet', '- item', '\\- item'],
    ['a plus bullet', '+ item', '\\+ item'],
    ['an ordered list', '1. first', '1\\. first'],
    ['an ordered list with a parenthesis', '12) first', '12\\) first'],
    ['a setext underline', '===', '\\==='],
    ['a mention and maths', '@team pays $5', '\\@team pays \\$5'],
    ['a backslash', 'a\\b', 'a\\\\b'],
  ])('neutralises %s', (_what, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('keeps ordinary text readable: hyphens, dots and colons inside a line stay as they are', () => {
    expect(escapeMarkdown('Co-host the 2026-05-04 meeting: 3.5 hours.')).toBe('Co-host the 2026-05-04 meeting: 3.5 hours.');
    expect(escapeMarkdown('Région Île-de-France 🚀')).toBe('Région Île-de-France 🚀');
  });

  it('keeps one-line text on its line', () => {
    expect(escapeMarkdown('line 1\n\n# line 2\r\n- line 3')).toBe('line 1 \\# line 2 - line 3');
  });

  it('keeps the lines of a block, each escaped at its start, joined by hard breaks', () => {
    expect(escapeMarkdownBlock('first\n- second\n\n1. third')).toBe('first\\\n\\- second\\\n1\\. third');
  });
});

describe('renderHtml', () => {
  const TITLE = '<script>alert(1)</script>';

  it('keeps a script title as text and has no script element at all', () => {
    const html = renderHtml(exportOf({ title: TITLE, region: '"><img src=x onerror=alert(1)>' }));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; · report 2026-05-04</title>');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('forbids scripts and remote content with its own policy', () => {
    const html = renderHtml(exportOf());
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('has the sections of a meeting packet, A4 print rules and the board image slot', () => {
    const html = renderHtml(exportOf());
    for (const heading of ['Participants', 'The board', 'Self-assessment rubric', 'Action plan', 'Step 1: Employer journey', 'Results', 'Notes']) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/@media print \{[^}]*body/);
    expect(html).toContain('break-before: page');
    const slot = html.slice(html.indexOf(BOARD_IMAGE_SLOT_START), html.indexOf(BOARD_IMAGE_SLOT_END) + BOARD_IMAGE_SLOT_END.length);
    expect(slot).toContain('data-board-image');
    expect(html.split(BOARD_IMAGE_SLOT_START)).toHaveLength(2);
  });

  it('shows the current rubric session against the previous one, in the table and the chart', () => {
    const html = renderHtml(exportOf());
    expect(html).toContain('Session of <strong>2026-04-20</strong>, compared with 2026-01-15');
    expect(html).toMatch(/<th scope="row">Industry engagement<\/th><td class="num">6<\/td><td>Active<\/td><td class="num">3<\/td>/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="rubric-chart"');
    // Dismissed evidence is left out of the report; accepted evidence is shown.
    expect(html).toContain('7 knocks from 5 programs reach the same 12 employers');
    expect(html).not.toContain('A dismissed proposal');
  });

  it('says what each scored band means: its overall description, the guidepost and where to start next', () => {
    const html = renderHtml(exportOf());
    const meaning = html.slice(html.indexOf('<h3>What the scores mean</h3>'), html.indexOf('<h3>All sessions</h3>'));
    expect(meaning).toContain(`<strong>Industry engagement: Active (6).</strong> ${escapeHtml(BAND_DESCRIPTIONS.active)}`);
    expect(meaning).toContain(`<dt>Guidepost</dt><dd>${escapeHtml(RUBRIC_GUIDE['industry-engagement'].bands.active.guidepost)}</dd>`);
    expect(meaning).toContain(`<dt>Where to start next</dt><dd>${escapeHtml(RUBRIC_GUIDE['regional-coordination'].bands.developing.next)}</dd>`);
    // Career pathways was not scored in that session: nothing to explain.
    expect(meaning).not.toContain('Career pathway systems:');
  });

  it('lists the action plan with a note for a source card that is gone', () => {
    const html = renderHtml(exportOf());
    expect(html).toContain('Recruit two business champions');
    expect(html).toContain('Old idea <span class="muted">(no longer on the board)</span>');
  });

  it('says so when nothing is scored yet', () => {
    const doc = exportOf();
    doc.rubric.sessions = [];
    doc.actions = [];
    const html = renderHtml(doc);
    expect(html).toContain('The team has not scored the self-assessment yet.');
    expect(html).toContain('No actions yet.');
    expect(html).not.toContain('class="rubric-chart"');
  });
});

describe('rubricChartSvg', () => {
  it('draws one bar per scored session and escapes its labels', () => {
    const svg = rubricChartSvg(
      [
        { dimension: 'industry-engagement', label: 'A <b>', current: 6, previous: 3 },
        { dimension: 'regional-coordination', label: 'B', current: null, previous: 4 },
      ],
      'Now & then',
      'Before',
    );
    expect(svg).toContain('A &lt;b&gt;');
    expect(svg).toContain('Now &amp; then');
    expect(svg).not.toContain('<b>');
    // Bars: 6 and 3 for A, 4 for B (B's current is not scored).
    expect(svg.match(/<rect x="8" y="\d{2,}" width="[\d.]+" height="(16|12)"/g)).toHaveLength(3);
    expect(svg).toContain('not scored');
    expect(svg).toMatch(/<title id="rubric-chart-title">/);
  });

  it('leaves out the previous bars and legend when there is one session', () => {
    const svg = rubricChartSvg([{ dimension: 'industry-engagement', label: 'A', current: 6, previous: null }], 'Now', null);
    expect(svg.match(/height="12"/g)).toHaveLength(1); // the legend square only
    expect(svg).not.toContain('Before');
  });
});

describe('renderMarkdown', () => {
  it('escapes the title so it opens no link and no HTML', () => {
    const md = renderMarkdown(exportOf({ title: '[click](javascript:alert(1)) <b>x</b>' }));
    expect(md.split('\n')[0]).toBe('# \\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>x\\</b\\>');
  });

  it('has the rubric, the action plan, each step with its cards and fields, and the figures', () => {
    const md = renderMarkdown(exportOf());
    expect(md).toContain('| Industry engagement | 6 | Active | 3 | Two employer champions now co-host the table.<br>The chamber joined. |  |');
    expect(md).toContain('| Recruit two business champions | Maria | 2026-05-31 | In progress | Talent pipeline | Front door |');
    expect(md).toContain('## Step 3: Map the knocks');
    expect(md).toMatch(/#### .+ · Knock\n\n- \*\*Organization:\*\* /);
    expect(md).toContain('## Results');
    expect(md).toContain('## Notes\n\n*No notes.*');
  });

  it('explains each scored band below the rubric table', () => {
    const md = renderMarkdown(exportOf());
    expect(md).toContain(`### What the scores mean\n\n**Industry engagement: Active (6).** ${escapeMarkdown(BAND_DESCRIPTIONS.active)}`);
    expect(md).toContain(`- *Guidepost:* ${escapeMarkdown(RUBRIC_GUIDE['industry-engagement'].bands.active.guidepost)}`);
    expect(md).toContain(`**Regional coordination: Developing (5).** ${escapeMarkdown(BAND_DESCRIPTIONS.developing)}`);
    expect(md).toContain(`- *Where to start next:* ${escapeMarkdown(RUBRIC_GUIDE['regional-coordination'].bands.developing.next)}`);
  });
});

describe('csvFiles', () => {
  it('writes choice fields as their label, scales as numbers, and neutralises formula text', () => {
    const doc = exportOf({ title: '=HYPERLINK("x")' });
    const files = csvFiles(doc);
    const lines = files['items.csv'].split('\r\n');
    expect(lines[1].startsWith(`${doc.board.id},"'=HYPERLINK(""x"")",`)).toBe(true);
    const header = lines[0].slice(1).split(',');
    const table = doc.steps.flatMap((s) => s.items).find((i) => i.type === 'table' && typeof i.fields.servesPurpose === 'number' && i.fields.convenerType === 'college');
    expect(table).toBeDefined();
    const row = lines.find((l) => l.includes(`,${table!.id},`))!.split(',');
    expect(row[header.indexOf('field:convenerType')]).toBe('College');
    expect(row[header.indexOf('field:servesPurpose')]).toBe(String(table!.fields.servesPurpose));
  });

  it('flattens every figure into one row per value', () => {
    const doc = exportOf();
    const rows = csvFiles(doc)['figures.csv'].split('\r\n').slice(1, -1);
    const ids = new Set(rows.map((r) => r.split(',')[1]));
    expect([...ids].sort()).toEqual(doc.figures.map((f) => f.id).sort());
  });
});

describe('exportFilename and renderExport', () => {
  it.each([
    ['Three Rivers manufacturing', 'Three-Rivers-manufacturing-2026-05-04.json'],
    ['Région Nord: "Café"', 'Region-Nord-Cafe-2026-05-04.json'],
    ['../../etc/passwd', 'etc-passwd-2026-05-04.json'],
    ['東京', 'board-2026-05-04.json'],
    ['', 'board-2026-05-04.json'],
    ['a'.repeat(100), `${'a'.repeat(60)}-2026-05-04.json`],
  ])('names %j safely', (title, expected) => {
    expect(exportFilename(title, '2026-05-04', '.json')).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9.-]+$/);
  });

  it('renders each format with its type and disposition', () => {
    const doc = exportOf();
    expect(renderExport(doc, 'json')).toMatchObject({ contentType: 'application/json; charset=utf-8', disposition: 'attachment', filename: 'Three-Rivers-manufacturing-2026-05-04.json' });
    expect(JSON.parse(renderExport(doc, 'json').body as string)).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(renderExport(doc, 'csv')).toMatchObject({ contentType: 'application/zip', filename: 'Three-Rivers-manufacturing-2026-05-04-csv.zip' });
    expect(renderExport(doc, 'md')).toMatchObject({ contentType: 'text/markdown; charset=utf-8' });
    expect(renderExport(doc, 'html')).toMatchObject({ disposition: 'inline', csp: expect.stringContaining("frame-ancestors 'none'") });
  });
});
