import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { criticalDecisionsFixture } from './fixtures';
import { criticalDecisions } from './index';
import { COORDINATION_QUESTIONS } from './items';
import { categoryZoneId } from './template';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe('critical decisions on the Three Rivers board', () => {
  const { records, ids } = criticalDecisionsFixture();
  const { results } = extractFixture(criticalDecisions, records);

  it('builds records a client accepts, with the cards in their zones', () => {
    expectValidRecords(records);
    expect(results.steps.map((s) => [s.id, s.itemIds.length])).toEqual([
      ['bring-the-map', 5],
      ['outreach', 7],
      ['marketing', 4],
      ['staff', 2],
      ['fit', 2],
      ['decide', 0],
    ]);
  });

  it('counts the questions answered per category, and the practices in place, partly or not yet', () => {
    expect(figure(results.figures, 'questions-answered')).toMatchObject({
      status: 'info',
      rows: [
        // The answer without a question counts in its zone's category; the two answers to the
        // single point of contact answer one question.
        { key: 'outreach', cells: ['Outreach coordination', 5, 3, 1, 2, 2], itemIds: [ids.titles, ids.expectations, ids.spoc, ids.noQuestion, ids.spocAgain] },
        { key: 'marketing', cells: ['Shared marketing', 4, 2, 1, 1, 0], itemIds: [ids.message, ids.stories] },
        // The staff-training answer sits among the marketing cards: its question decides.
        { key: 'staff', cells: ['Staff development', 5, 2, 0, 1, 1], itemIds: [ids.training, ids.frontline] },
        { key: 'fit', cells: ['Partnership’s place', 2, 1, 0, 0, 0], itemIds: [ids.role] },
      ],
    });
    const open = figure(results.figures, 'open-questions') as { entries: { text: string }[] };
    expect(open.entries).toHaveLength(COORDINATION_QUESTIONS.length - 8);
    expect(open.entries[0].text).toBe('Outreach coordination and a consistent method: Do we share a vision of, and criteria for, good business services?');
  });

  it('shows what the team says about a single point of contact', () => {
    expect(figure(results.figures, 'single-point-of-contact')).toMatchObject({
      entries: [
        { text: 'Partly: Not one door, but one shared intake form and a named lead per employer', itemIds: [ids.spoc] },
        { text: 'Partly: The chamber already acts as the front door for small firms', itemIds: [ids.spocAgain] },
      ],
    });
  });

  it('counts decisions per category and flags a category without one and a decision without an owner', () => {
    expect(figure(results.figures, 'decisions-by-category')).toMatchObject({
      status: 'warn',
      rows: [
        { key: 'outreach', cells: ['Outreach coordination', 2, 2, 2], status: 'ok' },
        // The logo decision sits outside every zone: its category field counts.
        { key: 'marketing', cells: ['Shared marketing', 2, 0, 1], status: 'warn', itemIds: [ids.logo, ids.plan] },
        { key: 'staff', cells: ['Staff development', 0, 0, 0], status: 'warn' },
        { key: 'fit', cells: ['Partnership’s place', 1, 1, 1] },
      ],
    });
    expect(figure(results.figures, 'decisions-without-owner')).toMatchObject({ value: 1, itemIds: [ids.plan] });
    expect(figure(results.figures, 'partnership-fit')).toMatchObject({ entries: [{ text: 'Its place and role: The partnership sets the priorities every program’s outreach serves', itemIds: [ids.role] }] });
  });

  it('shows which tables and knocks the decisions change', () => {
    const entries = (figure(results.figures, 'outreach-addressed') as { entries: { text: string }[] }).entries;
    expect(entries.map((e) => e.text)).toEqual([
      'Chamber manufacturers breakfast (table): Use one "Three Rivers Works" name on all outreach',
      'Manufacturing advisory committee (table): no decision yet',
      // Drawn backwards from the knock: still counts.
      'Riverbend Community College – Customised training (knock): One shared intake form for every employer request',
      'City economic development – Retention survey (knock): no decision yet',
      'Three Rivers Workforce Board – Veterans employment (knock): A named lead contact for each of the 40 largest employers; One shared intake form for every employer request',
    ]);
    expect(figure(results.figures, 'unfinished-connectors')).toMatchObject({ value: 2, connectionIds: [ids.betweenDecisions, ids.loose] });
  });
});

describe('critical decisions: rules', () => {
  it('produces every figure, quiet, on an empty board', () => {
    const { results } = extractFixture(criticalDecisions, fixtureFor(criticalDecisions).build());
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['questions-answered', 'info'],
      ['open-questions', 'info'],
      ['single-point-of-contact', 'info'],
      ['decisions-by-category', 'info'],
      ['decisions-without-owner', 'ok'],
      ['partnership-fit', 'info'],
      ['outreach-addressed', 'info'],
      ['unfinished-connectors', 'ok'],
    ]);
  });

  it('warns once answers exist but nobody has taken up the single point of contact', () => {
    const f = fixtureFor(criticalDecisions);
    f.item('coordination-answer', { question: 'outreach.titles', answer: 'Five titles' }, { zone: categoryZoneId('outreach'), x: 40, y: 80 });
    expect(figure(extractFixture(criticalDecisions, f.build()).results.figures, 'single-point-of-contact').status).toBe('warn');
  });
});
