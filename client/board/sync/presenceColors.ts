/**
 * Distinct presence colours on a board: nobody shares a colour with someone else on the board
 * while the palette lasts. Each person claims a colour in their awareness state with the (server)
 * time they took it; of two people with one colour, the later claim (then the higher client id)
 * moves to the first colour nobody else has. Everyone applies the same rule to the same states,
 * so the board settles without talking it over.
 */

export interface ColorClaim {
  clientId: number;
  /** The person (one person's tabs share a colour and never compete). */
  userId: string;
  color: string;
  /** When this colour was taken (server ms). */
  since: number;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The colour `me` should show, given everyone else's claims. Pure. */
export function resolveColor(me: ColorClaim, others: readonly ColorClaim[], palette: readonly string[]): string {
  const rivals = others.filter((o) => o.userId !== me.userId);
  const outranked = rivals.some(
    (o) => same(o.color, me.color) && (o.since < me.since || (o.since === me.since && o.clientId < me.clientId)),
  );
  if (!outranked) return me.color;
  const free = palette.find((c) => !rivals.some((o) => same(o.color, c)));
  return free ?? me.color;
}
