import { describe, expect, it } from 'vitest';
import { itemShapeType } from '../../../exercises/kit/shapes';
import { plainTextOfRichText } from '../../../shared/doc/richText';
import { itemTitle, type ShapeLike } from '../cards/itemText';
import { promotionOf, selectionOffer } from './promotion';

/** tldraw's rich text for plain lines (what toRichText makes). */
function rich(...lines: string[]) {
  return { type: 'doc', content: lines.map((l) => (l ? { type: 'paragraph', content: [{ type: 'text', text: l }] } : { type: 'paragraph' })) };
}

const note = (richText: unknown): ShapeLike => ({ id: 'shape:note1', type: 'note', props: { richText, color: 'yellow' } });

describe('rich text as plain text', () => {
  it('puts each paragraph on its own line', () => {
    expect(plainTextOfRichText(rich('Recruit champions', '', 'by March'))).toBe('Recruit champions\n\nby March');
  });

  it('joins marked-up runs of one paragraph and keeps hard breaks', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Call ' },
            { type: 'text', text: 'every', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' employer' },
            { type: 'hardBreak' },
            { type: 'text', text: 'twice' },
          ],
        },
      ],
    };
    expect(plainTextOfRichText(doc)).toBe('Call every employer\ntwice');
  });

  it('gives list items one line each', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'host' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sign' }] }] },
          ],
        },
      ],
    };
    expect(plainTextOfRichText(doc)).toBe('host\nsign');
  });

  it.each([undefined, null, 'text', 12, { type: 'doc' }, { type: 'doc', content: 'nope' }, { type: 'text', text: 5 }])('reads %j as empty', (v) => {
    expect(plainTextOfRichText(v)).toBe('');
  });
});

describe('promoting a board item', () => {
  it('turns a sticky note into an action with its text on one line', () => {
    expect(promotionOf(note(rich('Recruit two business champions', 'to sign the invitation')))).toEqual({
      text: 'Recruit two business champions to sign the invitation',
      sourceItemId: 'shape:note1',
      sourceTitle: 'Recruit two business champions to sign the invitation',
    });
  });

  it('promotes text shapes and geo shapes that carry text', () => {
    expect(promotionOf({ id: 'shape:t', type: 'text', props: { richText: rich('Follow up by phone') } })?.text).toBe('Follow up by phone');
    expect(promotionOf({ id: 'shape:g', type: 'geo', props: { geo: 'rectangle', richText: rich('Set next quarterly meeting') } })?.text).toBe(
      'Set next quarterly meeting',
    );
  });

  it('refuses items without text and shapes that cannot carry an action', () => {
    expect(promotionOf(note(rich('', '  ')))).toBeNull();
    expect(promotionOf({ id: 'shape:g', type: 'geo', props: { geo: 'rectangle', richText: rich() } })).toBeNull();
    expect(promotionOf({ id: 'shape:d', type: 'draw', props: {} })).toBeNull();
    expect(promotionOf({ id: 'shape:a', type: 'arrow', props: { richText: rich('label') } })).toBeNull();
    expect(promotionOf({ id: 'shape:z', type: 'pb-zone', props: { label: 'Step 1' } })).toBeNull();
    expect(promotionOf({ id: 'shape:u', type: itemShapeType('no-such-type'), props: { text: 'x' } })).toBeNull();
  });

  it('uses a typed card\'s title field', () => {
    const idea = { id: 'shape:idea', type: itemShapeType('idea'), props: { text: '  Shared  apprenticeship\nfair ', outcomeFor: 'both', feasible: true } };
    expect(promotionOf(idea)).toEqual({ text: 'Shared apprenticeship fair', sourceItemId: 'shape:idea', sourceTitle: 'Shared apprenticeship fair' });
    const untitled = { ...idea, props: { ...idea.props, text: '' } };
    expect(promotionOf(untitled)).toBeNull();
  });

  it('brings the owner and due date of an Action card along', () => {
    const card = { id: 'shape:act', type: itemShapeType('action'), props: { text: 'Build the invitation list', owner: ' Kim ', due: 'within 60 days' } };
    expect(promotionOf(card)).toEqual({
      text: 'Build the invitation list',
      owner: 'Kim',
      due: 'within 60 days',
      sourceItemId: 'shape:act',
      sourceTitle: 'Build the invitation list',
    });
  });

  it('names a Priority area card as the priority area it serves', () => {
    const card = { id: 'shape:p', type: itemShapeType('priority'), props: { name: 'Machinist pipeline', outcome: '', quickWin: '', quickWinIdentified: false } };
    expect(promotionOf(card)).toMatchObject({ text: 'Machinist pipeline', priorityArea: 'Machinist pipeline' });
  });

  it('keeps long text up to the plan\'s limit and shortens the title', () => {
    const long = 'word '.repeat(600).trim();
    const p = promotionOf(note(rich(long)))!;
    expect(p.text.length).toBe(2000);
    expect(p.text.endsWith('…')).toBe(true);
    expect(p.sourceTitle.length).toBeLessThanOrEqual(80);
    expect(p.sourceTitle.endsWith('…')).toBe(true);
  });
});

describe('source titles', () => {
  it('shows the item\'s current text, or its kind when it has none', () => {
    expect(itemTitle(note(rich('Recruit champions')))).toBe('Recruit champions');
    expect(itemTitle(note(rich()))).toBe('Sticky note');
    expect(itemTitle({ id: 'shape:i', type: itemShapeType('idea'), props: { text: '' } })).toBe('Idea');
  });
});

describe('what a selection offers', () => {
  const sticky = (id: string, text: string): ShapeLike => ({ id, type: 'note', props: { richText: rich(text) } });
  const noActions = () => undefined;

  it('offers nothing for an empty selection or shapes without text', () => {
    expect(selectionOffer([], noActions)).toEqual({ kind: 'none' });
    expect(selectionOffer([sticky('shape:a', ''), { id: 'shape:d', type: 'draw', props: {} }], noActions)).toEqual({ kind: 'none' });
  });

  it('offers to promote every selected item with text', () => {
    const offer = selectionOffer([sticky('shape:a', 'One'), { id: 'shape:d', type: 'draw', props: {} }, sticky('shape:b', 'Two')], noActions);
    expect(offer.kind === 'promote' && offer.promotions.map((p) => p.sourceItemId)).toEqual(['shape:a', 'shape:b']);
  });

  it('does not promote an item twice: it offers to show its action instead', () => {
    const actionFor = (id: string) => (id === 'shape:a' ? { id: 'action:1' } : undefined);
    expect(selectionOffer([sticky('shape:a', 'One')], actionFor)).toEqual({ kind: 'show', actionId: 'action:1', title: 'One' });
    const mixed = selectionOffer([sticky('shape:a', 'One'), sticky('shape:b', 'Two')], actionFor);
    expect(mixed.kind === 'promote' && mixed.promotions.map((p) => p.sourceItemId)).toEqual(['shape:b']);
  });
});
