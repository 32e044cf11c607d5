import type { Locator, Page } from '@playwright/test';
import { expect, openBoard, test, type App } from './app';

/**
 * Dot voting end to end: a facilitator and two participants (plus a viewer) on one Universe of
 * Connections board. The facilitator starts a round on a step; each participant places dots
 * within the limits; nobody sees a count (not in the panels, not in the control document, not in
 * the results API) until the reveal; then everyone sees the same ranking.
 */

const CARDS = [
  { key: 'alpha', name: 'Alpha Workforce Board', x: 200, y: 300 },
  { key: 'beta', name: 'Beta Community College', x: 520, y: 300 },
  { key: 'gamma', name: 'Gamma Chamber of Commerce', x: 840, y: 300 },
] as const;
type CardKey = (typeof CARDS)[number]['key'];

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

/** Creates the three organization cards in the universe zone (step 1's zone); returns their ids. */
async function addCards(page: Page): Promise<Record<CardKey, string>> {
  return page.evaluate((cards) => {
    const editor = (window as any).__board.editor;
    const ids: Record<string, string> = {};
    for (const c of cards) {
      const id = `shape:vote-${c.key}`;
      editor.createShape({ id, type: 'pb-item-organization', x: c.x, y: c.y, props: { name: c.name } });
      ids[c.key] = id;
    }
    editor.zoomToFit();
    return ids;
  }, CARDS) as Promise<Record<CardKey, string>>;
}

/** Opens the right panel's Vote tab and returns it. */
async function voteTab(page: Page): Promise<Locator> {
  const tab = page.getByTestId('tab-vote');
  await expect(tab).toBeVisible();
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  const panel = page.getByTestId('vote-tab');
  await expect(panel).toBeVisible();
  return panel;
}

/** The ranking rows of a page as [item id, votes, rank]. */
function rankingOf(page: Page): Promise<[string, number, number][]> {
  return page
    .getByTestId('vote-rank-row')
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-item-id') ?? '', Number(r.getAttribute('data-votes')), Number(r.getAttribute('data-rank'))]));
}

/** What the page's copy of the control document holds about vote rounds. */
function roundsInDoc(page: Page): Promise<{ status: string; tally: unknown; voters: number }[]> {
  return page.evaluate(() => {
    const json = (window as any).__board.control.doc.getMap('votes').toJSON() as Record<string, { status: string; tally: unknown; voters: number }>;
    return Object.values(json).map((r) => ({ status: r.status, tally: r.tally ?? null, voters: r.voters }));
  });
}

async function fetchResults(app: App, boardId: string, token: string) {
  const res = await fetch(`${app.url}/api/boards/${boardId}/results?token=${encodeURIComponent(token)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { votes?: unknown };
}

/** The results' entry for a round (`votes`: the rounds, oldest first). */
function roundInResults(results: { votes?: unknown }, roundId: string): { ranking?: unknown } | undefined {
  return (results.votes as { id: string; ranking?: unknown }[] | undefined)?.find((v) => v.id === roundId);
}

/** The voter key the server gave a page over its board socket (kept in its localStorage). */
async function voterKeyOf(page: Page, boardId: string): Promise<string> {
  return page.evaluate((id) => JSON.parse(localStorage.getItem(`pb.voterKey.${id}`) ?? '"none-issued-here"') as string, boardId);
}

async function putBallot(app: App, boardId: string, roundId: string, voterId: string, token: string, itemIds: string[], key = 'not-a-key-the-server-issued') {
  const res = await fetch(`${app.url}/api/boards/${boardId}/votes/${roundId}/ballots/${voterId}?token=${encodeURIComponent(token)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-voter-key': key },
    body: JSON.stringify({ itemIds }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

test('dot voting: limits per person and per card, hidden counts, one shared ranking', async ({ app }, testInfo) => {
  const board = await app.createBoard({ template: 'universe-of-connections', title: 'Regional partners vote' });
  const fay = await (await app.newContext()).newPage();
  const ada = await (await app.newContext()).newPage();
  const bo = await (await app.newContext()).newPage();
  const vic = await (await app.newContext()).newPage();
  const errors: string[] = [];
  for (const p of [fay, ada, bo, vic]) p.on('pageerror', (e) => errors.push(String(e)));
  await openBoard(fay, board.links.facilitator, 'Fay');
  await openBoard(ada, board.links.editor, 'Ada');
  await openBoard(bo, board.links.editor, 'Bo');
  await openBoard(vic, board.links.viewer, 'Vic');
  const shot = (page: Page, name: string) => page.screenshot({ path: testInfo.outputPath(`voting-${name}.png`) });

  const ids = await addCards(fay);
  for (const p of [ada, bo, vic]) {
    await expect.poll(() => p.evaluate((id) => Boolean((window as any).__board.editor.getShape(id)), ids.gamma)).toBe(true);
  }

  // Participants have no Vote tab before a round exists; the facilitator has one with the form.
  for (const p of [ada, bo, vic]) await expect(p.getByTestId('tab-vote')).toHaveCount(0);
  const fayVote = await voteTab(fay);
  const form = fayVote.getByTestId('vote-start-form');
  await expect(form.getByLabel('Step')).toHaveValue('place');
  await expect(form.getByLabel('Dots per person')).toHaveValue('3');
  // A per-card limit above the dots per person is refused next to the field.
  await form.getByLabel('Dots per person').fill('2');
  await form.getByLabel('Max per card').fill('5');
  await fayVote.getByTestId('vote-start').click();
  await expect(form.getByLabel('Max per card')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('enter 1 to 2');
  await shot(fay, 'start-form');
  await form.getByLabel('Max per card').fill('1');
  await fayVote.getByTestId('vote-start').click();
  await expect(fayVote).toHaveAttribute('data-status', 'open');
  const roundId = (await fayVote.getAttribute('data-round-id'))!;
  expect(roundId).toBeTruthy();

  // Everyone gets the Vote tab, with the step's cards and their dots left.
  const [adaVote, boVote, vicVote] = [await voteTab(ada), await voteTab(bo), await voteTab(vic)];
  for (const panel of [fayVote, adaVote, boVote, vicVote]) {
    await expect(panel).toContainText('Place organizations and people');
    for (const id of Object.values(ids)) await expect(panel.getByTestId(`vote-item-${id}`)).toBeVisible();
  }
  // Everyone is told, in a live region: what to do and how many dots they have.
  await expect(ada.getByTestId('vote-notice-region')).toContainText('Dot vote on “Place organizations and people”');
  await expect(ada.getByTestId('vote-notice-text')).toContainText('You have 2 dots, at most 1 per card.');
  await expect(vic.getByTestId('vote-notice-text')).toContainText('Your link lets you watch');
  await expect(adaVote.getByTestId('vote-dots-left')).toHaveAttribute('data-left', '2');
  await expect(adaVote.getByTestId(`vote-add-${ids.alpha}`)).toHaveAttribute('aria-label', 'Add a dot to Alpha Workforce Board');
  // The viewer watches: no buttons.
  await expect(vicVote).toContainText('View only');
  await expect(vicVote.getByTestId(`vote-add-${ids.alpha}`)).toHaveCount(0);

  // Ada: one dot on Alpha, one on Beta (from the keyboard), then she is out of dots.
  await adaVote.getByTestId(`vote-add-${ids.alpha}`).click();
  await adaVote.getByTestId(`vote-add-${ids.beta}`).focus();
  await ada.keyboard.press('Enter');
  await expect(adaVote.getByTestId(`vote-item-${ids.alpha}`)).toHaveAttribute('data-my-dots', '1');
  await expect(adaVote.getByTestId(`vote-item-${ids.beta}`)).toHaveAttribute('data-my-dots', '1');
  await expect(adaVote.getByTestId('vote-dots-left')).toHaveAttribute('data-left', '0');
  const adaThird = adaVote.getByTestId(`vote-add-${ids.gamma}`);
  await expect(adaThird).toHaveAttribute('aria-disabled', 'true');
  await adaThird.focus();
  await ada.keyboard.press('Enter');
  await expect(adaVote.getByTestId('vote-error')).toContainText('You have used all 2 dots');
  await expect(adaVote.getByTestId(`vote-item-${ids.gamma}`)).toHaveAttribute('data-my-dots', '0');
  await shot(ada, 'refused');
  // Her dots show on the cards, for her only.
  await expect(ada.getByTestId(`vote-badge-${ids.alpha}`)).toHaveAttribute('data-kind', 'mine');
  await expect(ada.getByTestId(`vote-badge-${ids.gamma}`)).toHaveCount(0);
  await expect(bo.locator('[data-testid^="vote-badge-"]')).toHaveCount(0);
  await expect(adaVote.getByTestId(`vote-remove-${ids.alpha}`)).toHaveAttribute('aria-label', 'Remove a dot from Alpha Workforce Board');

  // Bo: a dot on Alpha; a second one there is refused (1 per card); his second goes to Gamma.
  await boVote.getByTestId(`vote-add-${ids.alpha}`).click();
  await expect(boVote.getByTestId(`vote-item-${ids.alpha}`)).toHaveAttribute('data-my-dots', '1');
  const boAgain = boVote.getByTestId(`vote-add-${ids.alpha}`);
  await expect(boAgain).toHaveAttribute('aria-disabled', 'true');
  await boAgain.focus();
  await bo.keyboard.press('Enter');
  await expect(boVote.getByTestId('vote-error')).toContainText('At most 1 dot per card');
  await expect(boVote.getByTestId(`vote-item-${ids.alpha}`)).toHaveAttribute('data-my-dots', '1');
  // A dot taken back and placed again: the server keeps the last ballot.
  await boVote.getByTestId(`vote-add-${ids.beta}`).click();
  await boVote.getByTestId(`vote-remove-${ids.beta}`).click();
  await boVote.getByTestId(`vote-add-${ids.gamma}`).click();
  await expect(boVote.getByTestId('vote-dots-left')).toHaveAttribute('data-left', '0');
  await expect(boVote.getByTestId(`vote-item-${ids.beta}`)).toHaveAttribute('data-my-dots', '0');
  await expect(boVote.getByTestId(`vote-item-${ids.gamma}`)).toHaveAttribute('data-my-dots', '1');

  // The server refuses what the buttons do not offer.
  const editorToken = tokenOf(board.links.editor);
  const adaId = await ada.evaluate(() => JSON.parse(localStorage.getItem('pb.user') ?? '{}').id as string);
  const boId = await bo.evaluate(() => JSON.parse(localStorage.getItem('pb.user') ?? '{}').id as string);
  const adaKey = await voterKeyOf(ada, board.id);
  expect((await putBallot(app, board.id, roundId, adaId, editorToken, [ids.alpha, ids.beta, ids.gamma], adaKey)).body.error?.code).toBe('too_many_votes');
  expect((await putBallot(app, board.id, roundId, adaId, editorToken, [ids.alpha, ids.alpha], adaKey)).body.error?.code).toBe('too_many_on_item');
  // A key the server did not issue casts nothing.
  expect((await putBallot(app, board.id, roundId, 'stuffed-1', editorToken, [ids.alpha])).body.error?.code).toBe('voter_key_unknown');
  expect((await putBallot(app, board.id, roundId, 'viewer-1', tokenOf(board.links.viewer), [ids.alpha])).status).toBe(403);

  // Reloading brings Ada's dots back from the server.
  await ada.reload();
  await ada.waitForFunction(() => Boolean((window as any).__board?.editor));
  const adaVote2 = await voteTab(ada);
  await expect(adaVote2.getByTestId(`vote-item-${ids.alpha}`)).toHaveAttribute('data-my-dots', '1');
  await expect(adaVote2.getByTestId(`vote-item-${ids.beta}`)).toHaveAttribute('data-my-dots', '1');
  await expect(adaVote2.getByTestId('vote-dots-left')).toHaveAttribute('data-left', '0');
  await shot(ada, 'open-participant');

  // Before the reveal: two voters, and no count anywhere.
  await expect(fayVote.getByTestId('vote-voters')).toHaveAttribute('data-count', '2');
  await expect(fayVote.getByTestId('vote-voters')).toHaveText('2 people have voted');
  for (const p of [fay, ada, bo, vic]) {
    await expect(p.getByTestId('vote-ranking')).toHaveCount(0);
    await expect(p.locator('[data-kind="tally"]')).toHaveCount(0);
    await expect.poll(() => roundsInDoc(p)).toEqual([{ status: 'open', tally: null, voters: 2 }]);
  }
  const before = await fetchResults(app, board.id, tokenOf(board.links.viewer));
  expect(roundInResults(before, roundId), 'the results list the open round').toBeDefined();
  expect(roundInResults(before, roundId)?.ranking).toBeNull();
  expect(JSON.stringify(before.votes)).not.toContain(ids.alpha);
  await shot(fay, 'open-facilitator');

  // The reveal: everyone sees one ranking, ties sharing their rank (Beta and Gamma by title).
  await fayVote.getByTestId('vote-reveal').click();
  const expected: [string, number, number][] = [
    [ids.alpha, 2, 1],
    [ids.beta, 1, 2],
    [ids.gamma, 1, 2],
  ];
  for (const p of [fay, ada, bo, vic]) {
    await expect(p.getByTestId('vote-tab')).toHaveAttribute('data-status', 'revealed');
    await expect.poll(() => rankingOf(p)).toEqual(expected);
    await expect(p.getByTestId(`vote-badge-${ids.alpha}`)).toHaveAttribute('data-count', '2');
    await expect(p.getByTestId(`vote-badge-${ids.gamma}`)).toHaveAttribute('data-kind', 'tally');
  }
  await expect(bo.getByTestId('vote-announcer')).toHaveText('Votes revealed.');
  expect((await roundsInDoc(fay))[0]).toMatchObject({ status: 'revealed', voters: 2 });
  const after = await fetchResults(app, board.id, tokenOf(board.links.viewer));
  // The results rank the same way as the panels.
  const afterRanking = roundInResults(after, roundId)?.ranking as { itemId: string; votes: number; rank: number }[];
  expect(afterRanking.map((e) => [e.itemId, e.votes, e.rank])).toEqual(expected);
  // Dots can no longer change.
  expect((await putBallot(app, board.id, roundId, boId, editorToken, [ids.beta], await voterKeyOf(bo, board.id))).status).toBe(409);

  // A ranking entry selects its card and brings it into view.
  await bo.evaluate(() => void (window as any).__board.editor.setCamera({ x: -6000, y: -6000, z: 1 }));
  await bo.getByTestId('vote-rank-row').nth(1).getByRole('button').click();
  await expect
    .poll(() =>
      bo.evaluate((id) => {
        const editor = (window as any).__board.editor;
        return editor.getSelectedShapeIds().includes(id) && editor.getViewportPageBounds().contains(editor.getShapePageBounds(id));
      }, ids.beta),
    )
    .toBe(true);

  // The three cards at a readable zoom, with their counts.
  await ada.evaluate(() => void (window as any).__board.editor.setCamera({ x: -150, y: -220, z: 0.65 }));
  await shot(ada, 'revealed');
  // The facilitator may start another round.
  await expect(fayVote.getByTestId('vote-start-form')).toContainText('Start another dot vote');
  await shot(fay, 'revealed-facilitator');
  expect(errors).toEqual([]);
});
