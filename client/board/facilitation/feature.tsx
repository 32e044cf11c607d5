import type { BoardFeature } from '../workspace/boardFeature';
import { PeopleMenu } from './PeopleMenu';

/** The top bar's People menu: who is on the board, following, inviting a co-facilitator. */
export const peopleFeature: BoardFeature = {
  id: 'people',
  TopBarMenu({ env }) {
    return <PeopleMenu count={env.people} />;
  },
};
