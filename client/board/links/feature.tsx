import type { BoardFeature } from '../workspace/boardFeature';
import { LinksMenu } from './LinksMenu';

/** The top bar's Links menu (the board's links by role; facilitators replace them). */
export const linksFeature: BoardFeature = {
  id: 'links',
  TopBarMenu: LinksMenu,
};
