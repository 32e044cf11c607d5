import { describe, expect, it } from 'vitest';
import { resolveColor, type ColorClaim } from './presenceColors';

const palette = ['#a', '#b', '#c'];
const claim = (clientId: number, userId: string, color: string, since: number): ColorClaim => ({ clientId, userId, color, since });

describe('a presence colour on a board', () => {
  it('stays when nobody else on the board has it', () => {
    expect(resolveColor(claim(1, 'me', '#a', 10), [claim(2, 'bo', '#b', 5)], palette)).toBe('#a');
  });

  it('moves to the first free colour when someone took it earlier', () => {
    expect(resolveColor(claim(1, 'me', '#a', 10), [claim(2, 'bo', '#a', 5), claim(3, 'cy', '#b', 1)], palette)).toBe('#c');
  });

  it('stays for the earlier of two people with the same colour, so exactly one of them moves', () => {
    const early = claim(9, 'early', '#a', 5);
    const late = claim(1, 'late', '#a', 10);
    expect(resolveColor(early, [late], palette)).toBe('#a');
    expect(resolveColor(late, [early], palette)).toBe('#b');
  });

  it('breaks a tie in time by the client id', () => {
    const a = claim(1, 'a', '#a', 5);
    const b = claim(2, 'b', '#a', 5);
    expect(resolveColor(a, [b], palette)).toBe('#a');
    expect(resolveColor(b, [a], palette)).toBe('#b');
  });

  it('keeps a colour shared with the same person’s other tab', () => {
    expect(resolveColor(claim(2, 'me', '#a', 10), [claim(1, 'me', '#a', 5)], palette)).toBe('#a');
  });

  it('keeps its colour once the palette is used up', () => {
    const others = [claim(2, 'b', '#a', 1), claim(3, 'c', '#b', 1), claim(4, 'd', '#c', 1)];
    expect(resolveColor(claim(1, 'me', '#a', 10), others, palette)).toBe('#a');
  });
});
