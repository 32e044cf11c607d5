import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type * as Y from 'yjs';
import { reviewMap, setReviewAnswer, setReviewText } from '../../shared/doc/reviewDoc';
import { blank } from '../../exercises/blank';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { reviewPhase } from '../../exercises/kit/review';
import { boardNotes } from '../../exercises/kit/boardNotes';
import { writeNote } from '../../tests/helpers/notes';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, startTestServer } from '../../tests/helpers/server';
import type { RunningServer } from '../../tests/helpers/server';
import { resultsOfDoc } from './boardResults';
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
  // A tick of an earlier version of the app: reads as yes.
  reviewMap(doc).set('employer-journey|support-team.shared-table', { checked: true, by: 'Cy', at: AT.toISOString() });
  setReviewAnswer(doc, 'employer-journey', 'support-team.one-sector', 'yes', 'Ada', AT);
  setReviewText(doc, 'employer-journey', 'support-team.one-sector', 'Healthcare first', 'Ada', AT);
  // Answered, then cleared: open again.
  setReviewAnswer(doc, 'employer-journey', 'support-team.convener', 'no', 'Bo', AT);
  setReviewAnswer(doc, 'employer-journey', 'support-team.convener', null, 'Bo', AT);
  // A no with its text, and no note text: listed; a question of another phase comes after the phase's own.
  setReviewAnswer(doc, 'map-knocks', 'launch.critical-mass', 'no', '-Bo', AT);
  setReviewText(doc, 'map-knocks', 'launch.critical-mass', '=SUM(A1) only six came', '-Bo', AT);
  return { doc, row, out: buildExport(doc, row, [], NOW) };
}

describe('notes in the results', () => {
  it('lists steps with text or an answered question, with Markdown, text and the whole review', () => {
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
    const phase = reviewPhase('support-team');
    expect(journey.review.map((r) => r.questionId)).toEqual(phase.questions.map((q) => q.id));
    expect(journey.review.map((r) => [r.questionId, r.answer, r.text, r.checked])).toEqual([
      ['support-team.shared-table', 'yes', '', true],
      ['support-team.one-sector', 'yes', 'Healthcare first', true],
      ['support-team.roles', null, '', false],
      ['support-team.convener', null, '', false],
    ]);
    expect(journey.review[1]).toEqual({
      questionId: 'support-team.one-sector',
      phaseId: 'support-team',
      question: phase.questions[1].text,
      answer: 'yes',
      answerLabel: 'Yes',
      text: 'Healthcare first',
      checked: true,
      answeredBy: 'Ada',
      answeredAt: AT.toISOString(),
    });
    // Cleared by Bo: open, and nobody answered it.
    expect(journey.review.find((r) => r.questionId === 'support-team.convener')).toEqual(expect.not.objectContaining({ answeredBy: expect.anything() }));
    const knocks = results.notes[1];
    expect(knocks.markdown).toBe('');
    expect(knocks.review.map((r) => [r.questionId, r.answer])).toEqual([...phase.questions.map((q) => [q.id, null]), ['launch.critical-mass', 'no']]);
  });

  it('opens each step’s review with the step’s own phase where the exercise sets one', () => {
    const row = boardRow(manyTablesManyKnocks);
    const doc = boardDoc(manyTablesManyKnocks, row);
    setReviewAnswer(doc, 'map-tables', 'launch.next-steps', 'not-yet', 'Ada', AT);
    const withStepPhase = { ...manyTablesManyKnocks, stepReviewPhases: { 'map-tables': 'launch' as const } };
    const [note] = boardNotes(doc, withStepPhase);
    expect(note.review.map((r) => r.phaseId)).toEqual(reviewPhase('launch').questions.map(() => 'launch'));
    expect(note.review.find((r) => r.answer)).toMatchObject({ questionId: 'launch.next-steps', answer: 'not-yet', answerLabel: 'Not yet', checked: false });
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

  it('JSON schema: accepts yes, no, not yet or null as a review answer, and refuses anything else', () => {
    const { out } = filledExport();
    expect(out.notes[0].review.map((r) => r.answer)).toContain(null);
    for (const answer of ['maybe', true, 'Yes']) {
      const bad = structuredClone(out);
      (bad.notes[0].review[0] as { answer: unknown }).answer = answer;
      expect(schemaErrors(bad), String(answer)).not.toEqual([]);
    }
    const long = structuredClone(out);
    long.notes[0].review[0].text = 'x'.repeat(501);
    expect(schemaErrors(long)).not.toEqual([]);
    // An export written before answers existed (ticks only) still validates.
    const older = structuredClone(out);
    for (const r of older.notes[0].review) {
      delete (r as Partial<typeof r>).answer;
      delete (r as Partial<typeof r>).answerLabel;
      delete (r as Partial<typeof r>).text;
    }
    expect(schemaErrors(older)).toEqual([]);
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
    expect(review[0]).toBe('\uFEFFboard_id,step_id,step,phase_id,question_id,question,answer,answer_text,answered_by,answered_at');
    expect(review).toHaveLength(1 + 4 + 5);
    expect(review.find((l) => l.includes('launch.critical-mass'))).toMatch(/,No,'=SUM\(A1\) only six came,'-Bo,2026-05-04T10:30:00.000Z$/);
    expect(review.find((l) => l.includes('support-team.one-sector'))).toMatch(/,Yes,Healthcare first,Ada,2026-05-04T10:30:00.000Z$/);
    expect(review.find((l) => l.includes('support-team.convener'))).toMatch(/,,,,$/);
  });

  it('CSV zip: holds notes.csv and review.csv', () => {
    const { out } = filledExport();
    const zip = unzipSync(csvZip(out));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['notes.csv', 'review.csv']));
    expect(strFromU8(zip['notes.csv'])).toContain('What employers say');
  });

  it('Markdown report: the note under its step, headings moved down, text escaped, the review with its answers', () => {
    const { out } = filledExport();
    const md = renderMarkdown(out);
    const step = md.slice(md.indexOf('## Step 1: Employer journey'), md.indexOf('## Step 2:'));
    expect(step).toContain('### Notes\n\n\\=HYPERLINK');
    expect(step).toContain('#### What employers say');
    expect(step).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(step).not.toContain('<script>');
    expect(step).toContain('#### After-action review: Build the regional support team');
    expect(step).toMatch(/- Have we committed to at least one target sector .+ → \*\*Yes\*\*: Healthcare first \*\(Ada, 2026-05-04\)\*/);
    expect(step).toMatch(/- Have we named the lead convener, or the pair of co-conveners\? → \*unanswered\*/);
    expect(step).not.toContain('[x]');
    const knocks = md.slice(md.indexOf('## Step 3: Map the knocks'), md.indexOf('## Step 4:'));
    expect(knocks).toContain('*No notes written.*');
    expect(knocks).toContain('#### After-action review: Launch the partnership');
    // A no prints as No, never as a ticked box.
    expect(knocks).toContain('→ **No**: \\=SUM\\(A1\\) only six came *(\\-Bo, 2026-05-04)*');
    expect(md).not.toMatch(/\[x\]|\[ \]/);
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
    expect(html).toContain('<h4>After-action review: Build the regional support team</h4>');
    expect(html).toMatch(/<li class="answer-yes"><span class="question">Have we committed to at least one target sector[^<]*<\/span> <strong class="answer">Yes<\/strong>: Healthcare first <span class="muted">\(Ada, 2026-05-04\)<\/span><\/li>/);
    expect(html).toContain('<li class="answer-no"><span class="question">Did enough business leaders come to the launch meeting to speak for the sector?</span> <strong class="answer">No</strong>: =SUM(A1) only six came');
    expect(html).toMatch(/<li class="answer-open"><span class="question">Have we named the lead convener[^<]*<\/span> <em class="muted">unanswered<\/em><\/li>/);
    expect(html).not.toContain('☑');
  });

  it('HTML and Markdown reports: a blank board’s note is in the Notes section', () => {
    const row = boardRow(blank);
    const doc = boardDoc(blank, row);
    writeNote(doc, null, () => $getRoot().append($createParagraphNode().append($createTextNode('Launch at the plant <b>'))));
    const out = buildExport(doc, row, [], NOW);
    expect(schemaErrors(out)).toEqual([]);
    expect(renderHtml(out)).toContain('<h2 id="notes">Notes</h2><div class="note"><p>Launch at the plant &lt;b&gt;</p></div>');
    expect(renderMarkdown(out)).toContain('## Notes\n\nLaunch at the plant \\<b\\>\n\n#### After-action review: Build the regional support team');
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
    setReviewAnswer(c.doc, null, 'prepare-launch.champions', 'yes', 'Ada', AT);
    await eventually(() => expect(allAcked(c)).toBe(true));
    const res = await fetch(`${server.url}/api/boards/${board.id}/results?token=${board.tokens.viewer}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { notes: { stepId: string | null; markdown: string; review: { questionId: string; checked: boolean }[] }[] };
    expect(body.notes).toHaveLength(1);
    expect(body.notes[0]).toMatchObject({ stepId: null, markdown: '## Champions' });
    expect(body.notes[0].review.filter((r) => r.checked).map((r) => r.questionId)).toEqual(['prepare-launch.champions']);
  });
});
