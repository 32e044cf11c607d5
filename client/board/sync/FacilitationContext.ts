import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { ExerciseTemplate } from '../../../shared/template';
import type { Role } from '../../../shared/roles';
import type { ControlConnection } from './ControlConnection';
import type { ServerClock } from '../../lib/serverClock';

/**
 * What the session features (steps, timer, follow, voting, people) need, for every component
 * under the board page: the control document, the server clock, the board's presence and who we
 * are. `canControl` is true for facilitators (the server enforces it; the UI only mirrors it).
 */
export interface Facilitation {
  boardId: string;
  token: string;
  role: Role;
  canControl: boolean;
  control: ControlConnection;
  clock: ServerClock;
  /** Presence of the board room (user + tldraw presence per client). */
  awareness: Awareness;
  template: ExerciseTemplate | null;
  /** This browser's person (id as in presence `user.id`, without tldraw's `user:` prefix). */
  me(): { id: string; name: string };
}

export const FacilitationContext = createContext<Facilitation | null>(null);

export function useFacilitation(): Facilitation | null {
  return useContext(FacilitationContext);
}
