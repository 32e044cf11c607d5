import { describe, expect, it } from 'vitest';
import { getItemType } from '../../exercises/registry';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { templateRecords } from '../../exercises/kit/seed';
import { expectValidRecords } from '../../exercises/kit/testing';
import { scanRecords } from './summarize';
import { MAX_THUMB_ITEMS, renderThumbnail, THUMB_PALETTE, THUMB_SIZE } from './thumbnail';
import { busyBoardRecords } from './testing';

/**
 * A strict check of the little XML the thumbnail may contain: an `<svg>` root holding only
 * self-closed `<rect>` and `<path>` elements, attributes single-quoted, every value either a
 * number list, path data or a colour of the palette. Anything else (text, another element, an
 * entity, a quote inside a value) fails.
 */
function expectSafeSvg(svg: string): void {
  const colours = new Set(Object.values(THUMB_PALETTE));
  const open = /^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' viewBox='0 0 (\d+) (\d+)' width='(\d+)' height='(\d+)'>/.exec(svg);
  expect(open, svg.slice(0, 200)).not.toBeNull();
  expect(svg.endsWith('</svg>')).toBe(true);
  const inner = svg.slice(open![0].length, -'</svg>'.length);
  const element = /<(rect|path)((?: [a-z-]+='[^'<>&"]*')+)\/>/y;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = element.exec(inner))) {
    consumed = element.lastIndex;
    for (const [, name, value] of m[2].matchAll(/ ([a-z-]+)='([^']*)'/g)) {
      if (name === 'fill' || name === 'stroke') expect(colours.has(value) || /^rgb\(\d{1,3},\d{1,3},\d{1,3}\)$/.test(value), `${name}=${value}`).toBe(true);
      else if (name === 'd') expect(value, 'path data').toMatch(/^(?:[Mm]-?\d+ -?\d+|[hv]-?\d+|z)*$/);
      else expect(['width', 'height', 'fill-opacity', 'stroke-opacity', 'stroke-width'], name).toContain(name);
      if (name !== 'd' && name !== 'fill' && name !== 'stroke') expect(value).toMatch(/^\d+(\.\d+)?$/);
    }
  }
  expect(consumed, `unexpected content: ${inner.slice(consumed, consumed + 120)}`).toBe(inner.length);
}

describe('board thumbnail', () => {
  it('is a small, well-formed SVG of the zones, cards and stickies', () => {
    const board = busyBoardRecords(60);
    const { thumbnail } = scanRecords(board.records, { exercise: manyTablesManyKnocks, itemType: getItemType });
    expectSafeSvg(thumbnail);
    const [, w, h] = /viewBox='0 0 (\d+) (\d+)'/.exec(thumbnail)!;
    expect(Math.max(Number(w), Number(h))).toBe(THUMB_SIZE);
    // Five zones in five colours, card colours by item type, one path of stickies.
    expect(thumbnail).toContain(`fill='${THUMB_PALETTE.blue}' fill-opacity`); // the "tables" zone
    expect(thumbnail).toContain(`fill='${THUMB_PALETTE.orange}' d=`); // knock cards
    expect(thumbnail).toContain("fill='rgb(255,214,64)' d="); // stickies
    // One subpath per card, sticky and zone.
    expect(thumbnail.match(/z/g)?.length).toBe(60 + board.stickies + manyTablesManyKnocks.template.zones.length);
  });

  it('stays under 12 KB for a 500-card board and caps what it draws', () => {
    const board = busyBoardRecords(500);
    expectValidRecords(board.records);
    const { thumbnail, items } = scanRecords(board.records, { exercise: manyTablesManyKnocks, itemType: getItemType });
    expect(items).toBe(500);
    expectSafeSvg(thumbnail);
    expect(Buffer.byteLength(thumbnail)).toBeLessThan(12 * 1024);

    const huge = busyBoardRecords(3000);
    const big = scanRecords(huge.records, { exercise: manyTablesManyKnocks, itemType: getItemType });
    expect(big.items).toBe(3000);
    expect(big.thumbnail.match(/z/g)!.length).toBe(MAX_THUMB_ITEMS + manyTablesManyKnocks.template.zones.length);
    expect(Buffer.byteLength(big.thumbnail)).toBeLessThan(40 * 1024);
  });

  it('carries nothing of labels or props: markup, quotes and junk colours never reach the SVG', () => {
    const evil = `<script>alert("x")</script>' onload='alert(1)`;
    const zones = templateRecords(manyTablesManyKnocks.template).map((z) => ({
      ...z,
      props: { ...(z.props as object), label: evil, badge: evil, color: `red' onload='alert(1)` },
    }));
    const card = {
      id: 'shape:evil',
      typeName: 'shape',
      type: 'pb-item-knock',
      x: 100,
      y: 100,
      parentId: 'page:page',
      props: { w: 240, h: 150, organization: evil, program: evil },
      meta: { createdBy: evil },
    };
    const weird = [
      { ...card, id: 'shape:nan', x: Number.NaN, y: 'x' },
      { ...card, id: 'shape:inf', props: { ...card.props, w: Number.POSITIVE_INFINITY } },
      { ...card, id: 'shape:str', props: { ...card.props, w: '100"/><script>' } },
      { id: 'shape:sticky', typeName: 'shape', type: 'note', x: 0, y: 0, parentId: 'page:page', props: { color: evil, scale: `1'><script>`, growY: evil } },
    ];
    const { thumbnail } = scanRecords([...zones, card, ...weird], { exercise: manyTablesManyKnocks, itemType: getItemType });
    expectSafeSvg(thumbnail);
    for (const bad of ['script', 'alert', 'onload', '"', '&', 'NaN', 'Infinity', 'undefined']) expect(thumbnail).not.toContain(bad);
    // The junk colour reads as grey.
    expect(thumbnail).toContain(`fill='${THUMB_PALETTE.grey}' fill-opacity`);
  });

  it('draws an empty board as a blank tile', () => {
    const svg = renderThumbnail([]);
    expectSafeSvg(svg);
    expect(svg).not.toContain('<path');
  });
});
