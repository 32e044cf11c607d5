/**
 * Where a board's live rooms are. In one process every board is here. In the distributed mode
 * the board leases (cluster/) answer: a node writes into a board's documents only when it owns
 * the board or nobody does (then loading the board makes it the owner); for a board another live
 * node owns it asks that node (e.g. a cohort broadcast, cohorts/remoteBroadcast.ts).
 */
export type BoardOwner = 'here' | 'elsewhere' | 'none';

export interface BoardPlacement {
  /** 'here': this node owns the board; 'elsewhere': another live node does; 'none': nobody does now. */
  ownerOf(boardId: string): Promise<BoardOwner>;
}

/** One process: every board is here. */
export const ONE_NODE: BoardPlacement = { ownerOf: async () => 'here' };
