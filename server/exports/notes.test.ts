import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type * as Y from 'yjs';
import { setReviewTick } from '../../shared/reviewDoc';
import { blank } from '../../exercises/blank';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { reviewPhase } from '../../exercises/kit/review';
import { writeNote } from '../../tests/helpers/notes';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, startTestServer } from '../../tests/helpers/server';
import type { RunningServer } from '../Server';
import { resultsOfDoc } from '../results';
import { buildExport } from './buildExport';
import { csvFiles, csvZip } from './csvFiles';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { boardDoc, boardRow, schemaErrors } from './testing';

const NOW = new Date('2026-05-04T12:00:00.000Z');
const AT = new Date('2026-05-04T10:30:00.000Z');

/** The employer-journey step's note: a heading, formatting, a list, a link, hostile text. */
function writeJourneyNote(doc: Y.Doc) {
  writeNote(doc, 'employer-journey', () => {
    const bold = $createTextNode('one front door');
    bold.toggleFormat('bold');
    $getRoot().append(
      $createParagraphNode().append($createTextNode('=HYPERLINK("http://evil.example","click")')),
      $createHeadingNode('h2').append($createTextNode('What employers say')),
      $createParagraphNode().append($createTextNode('They want '), bold, $createTextNode(' and <script>alert(1)</script> no more calls.')),
      $createListNode('bullet').append($createListItemNode().append($createTextNode('@chamber: fewer surveys'))),
      $createParagraphNode().append(
        $createLinkNode('https://example.org/survey').append($createTextNode('survey')),
        $createTextNode(' '),
        $createLinkNode('javascript:alert(2)').append($createTextNode('sneaky')),
      ),
    );
  });
}

function filledExport() {
  const { records } = manyTablesFixture();
  const row = boardRow(manyTablesManyKnocks);
  const doc = boardDoc(manyTablesManyKnocks, row, records);
  writeJourneyNote(doc);
  // Only empty paragraphs: not listed.
  writeNote(doc, 'map-tables', () => $getRoot().append($createParagraphNode(), $createParagraphNode()));
  setReviewTick(doc, 'employer-journey', 'industry-scope.sectors-agreed', true, 'Ada', AT);
  setReviewTick(doc, 'employer-journey', 'industry-scope.footprint', false, 'Bo', AT);
  // A tick and no text: listed; a question of another phase comes after the phase's own.
  setReviewTick(doc, 'map-knocks', 'launch.critical-mass', true, '-Bo', AT);
  return { doc, row, out: buildExport(doc, row, [], NOW) };
}

describe('notes in the results', () => {
  it('lists steps with text or a ticked question, with Markdown, text and the whole review', () => {
    const { doc, row } = filledExport();
    const results = resultsOfDoc(doc, row);
    expect(results.notes.map((n) => [n.stepId, n.stepTitle])).toEqual([
      ['employer-journey', 'Employer journey'],
      ['map-knocks', 'Map the knocks'],
    ]);
    const journey = results.notes[0];
    expect(journey.markdown).toBe(
      [
        '\\=HYPERLINK("http://evil.example","click")',
        '',
        '## What employers say',
        '',
        'They want **one front door** and \\<script\\>alert(1)\\</script\\> no more calls.',
        '',
        '- @chamber: fewer surveys',
        '',
        '[survey](<https://example.org/survey>) sneaky',
      ].join('\n'),
    );
    expect(journey.text).toContain('They want one front door and <script>alert(1)</script> no more calls.');
    const phase = reviewPhase('industry-scope');
    expect(journey.review.map((r) => r.questionId)).toEqual(phase.questions.map((q) => q.id));
    expect(journey.review[0]).toEqual({
      questionId: 'industry-scope.sectors-agreed',
      phaseId: 'industry-scope',
      question: phase.questions[0].text,
      checked: true,
      answeredBy: 'Ada',
      answeredAt: AT.toISOString(),
    });
    // Unticked by Bo: open, and nobody answered it.
    expect(journey.review.find((r) => r.questionId === 'industry-scope.footprint')).toEqual(expect.not.objectContaining({ answeredBy: expect.anything() }));
    const knocks = results.notes[1];
    expect(knocks.markdown).toBe('');
    expect(knocks.review.map((r) => [r.questionId, r.checked])).toEqual([...phase.questions.map((q) => [q.id, false]), ['launch.critical-mass', true]]);
  });

  it('is empty for a board nobody wrote on, and reads the whole-board note of a blank board', () => {
    const row = boardRow(blank);
    const doc = boardDoc(blank, row);
    expect(resultsOfDoc(doc, row).notes).toEqual([]);
    writeNote(doc, null, () => $getRoot().append($createParagraphNode().append($createTextNode('Invite list due Friday'))));
    expect(resultsOfDoc(doc, row).notes).toEqual([
      expect.objectContaining({ stepId: null, stepTitle: 'Whole board', markdown: 'Invite list due Friday', text: 'Invite list due Friday' }),
    ]);
  });
});

describe('notes in the exports', () => {
  it('JSON: carries the notes with their blocks and validates against the schema', () => {
    const { out } = filledExport();
    expect(schemaErrors(out)).toEqual([]);
    expect(out.notes.map((n) => n.stepId)).toEqual(['employer-journey', 'map-knocks']);
    const links = JSON.stringify(out.notes).match(/"href":"[^"]*"/g);
    expect(links).toEqual(['"href":"https://example.org/survey"']);
  });

  it('JSON schema: refuses a note link that is not http, https or mailto', () => {
    const { out } = filledExport();
    const bad = structuredClone(out);
    bad.notes[0].blocks = [{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }];
    expect(schemaErrors(bad)).not.toEqual([]);
  });

  it('CSV: notes.csv and review.csv, formula text neutralised', () => {
    const { out } = filledExport();
    const files = csvFiles(out);
    const notes = files['notes.csv'].split('\r\n');
    expect(notes[0]).toBe('\uFEFFboard_id,step_id,step,text,markdown');
    expect(notes[1].startsWith(`${out.board.id},employer-journey,Employer journey,"'=HYPERLINK(""http://evil.example"",""click"")`)).toBe(true);
    expect(files['notes.csv']).toContain('"\\=HYPERLINK');
    const review = files['review.csv'].split('\r\n').filter(Boolean);
    expect(review[0]).toBe('\uFEFFboard_id,step_id,step,phase_id,question_id,question,checked,answered_by,answered_at');
    expect(review).toHaveLength(1 + 4 + 5);
    expect(review.find((l) => l.includes('launch.critical-mass'))).toMatch(/,true,'-Bo,2026-05-04T10:30:00.000Z$/);
    expect(review.find((l) => l.includes('industry-scope.footprint'))).toMatch(/,false,,$/);
  });

  it('CSV zip: holds notes.csv and review.csv', () => {
    const { out } = filledExport();
    const zip = unzipSync(csvZip(out));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['notes.csv', 'review.csv']));
    expect(strFromU8(zip['notes.csv'])).toContain('What employers say');
  });

  it('Markdown report: the note under its step, headings moved down, text escaped, the review as a task list', () => {
    const { out } = filledExport();
    const md = renderMarkdown(out);
    const step = md.slice(md.indexOf('## Step 1: Employer journey'), md.indexOf('## Step 2:'));
    expect(step).toContain('### Notes\n\n\\=HYPERLINK');
    expect(step).toContain('#### What employers say');
    expect(step).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(step).not.toContain('<script>');
    expect(step).toContain('#### After-action review: Define the scope of industry focus');
    expect(step).toMatch(/- \[x\] Has the whole regional team agreed .+ \*\(ticked by Ada on 2026-05-04\)\*/);
    expect(step).toMatch(/- \[ \] Have we discussed and agreed a geographic area/);
    const knocks = md.slice(md.indexOf('## Step 3: Map the knocks'), md.indexOf('## Step 4:'));
    expect(knocks).toContain('*No notes written.*');
    expect(knocks).toContain('#### After-action review: Launch the partnership');
    expect(knocks).toContain('*(ticked by \\-Bo on 2026-05-04)*');
    expect(md).toContain('## Notes\n\n*Each step’s notes and review are with the step above.*');
  });

  it('HTML report: the note under its step, escaped, with only safe links', () => {
    const { out } = filledExport();
    const html = renderHtml(out);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<h3>Notes</h3><div class="note">');
    expect(html).toContain('<h4>What employers say</h4>');
    expect(html).toContain('<strong>one front door</strong>');
    expect(html).toContain('<ul><li>@chamber: fewer surveys</li></ul>');
    expect(html).toContain('<a href="https://example.org/survey" rel="noopener noreferrer">survey</a> sneaky');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<h4>After-action review: Define the scope of industry focus</h4>');
    expect(html).toMatch(/<li class="done"><span class="box" aria-hidden="true">☑<\/span>/);
    expect(html).toContain('(ticked by Ada on 2026-05-04)');
  });

  it('HTML and Markdown reports: a blank board’s note is in the Notes section', () => {
    const row = boardRow(blank);
    const doc = boardDoc(blank, row);
    writeNote(doc, null, () => $getRoot().append($createParagraphNode().append($createTextNode('Launch at the plant <b>'))));
    const out = buildExport(doc, row, [], NOW);
    expect(schemaErrors(out)).toEqual([]);
    expect(renderHtml(out)).toContain('<h2 id="notes">Notes</h2><div class="note"><p>Launch at the plant &lt;b&gt;</p></div>');
    expect(renderMarkdown(out)).toContain('## Notes\n\nLaunch at the plant \\<b\\>\n\n#### After-action review: Prepare to launch');
  });
});

describe('GET /api/boards/:id/results with notes', () => {
  let server: RunningServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.close();
  });

  it('answers the notes of an open board, written through y-websocket', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { title: 'Launch prep' });
    const c = connectClient(server, board.id, board.tokens.editor, { ack: true });
    clients.push(c);
    await synced(c);
    writeNote(c.doc, null, () => $getRoot().append($createHeadingNode('h2').append($createTextNode('Champions'))));
    setReviewTick(c.doc, null, 'prepare-launch.champions', true, 'Ada', AT);
    await eventually(() => expect(allAcked(c)).toBe(true));
    const res = await fetch(`${server.url}/api/boards/${board.id}/results?token=${board.tokens.viewer}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { notes: { stepId: string | null; markdown: string; review: { questionId: string; checked: boolean }[] }[] };
    expect(body.notes).toHaveLength(1);
    expect(body.notes[0]).toMatchObject({ stepId: null, markdown: '## Champions' });
    expect(body.notes[0].review.filter((r) => r.checked).map((r) => r.questionId)).toEqual(['prepare-launch.champions']);
  });
});
