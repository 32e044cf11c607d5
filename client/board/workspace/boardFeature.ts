import type { ComponentType, ReactNode } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import type { BoardInfo } from '../../lib/api';
import type { LiveResults } from '../cards/liveResults';
import type { PanelTab } from './PanelTabs';
import type { WorkspaceState } from './WorkspaceState';

/**
 * What the workspace hands every feature, on every render. `ready`: the editor, the board's
 * exercise and its first live results are in. `settled`: `ready`, or the board has no known
 * exercise (no results will come); tabs wait for it, so the first screen does not show (and
 * download) another tab for a moment before Details takes its place.
 */
export interface FeatureEnv {
  editor: Editor | null;
  exercise: ExerciseDef | undefined;
  /** The board's document, for state that lives beside the canvas records. */
  doc: Y.Doc | null;
  readOnly: boolean;
  ui: WorkspaceState;
  live: LiveResults | null;
  ready: boolean;
  settled: boolean;
  /** Opens the right panel on a tab (stable across renders); `focus` moves focus to its button. */
  showTab(id: string, options?: { focus?: boolean }): void;
}

/** What the top bar hands every feature's menu. */
export interface TopBarEnv {
  info: BoardInfo;
  /** The link's token (the menus call the API with it). */
  token: string;
  /** The editor while the board is shown, else null. */
  editor: Editor | null;
  /** How many people are on the board now (presence). */
  people: number;
}

/**
 * A feature of the board. The board page lists the features (client/board/features.ts); the
 * workspace and the top bar render what they contribute, in that order, and import none of them. Every part
 * is optional.
 */
export interface BoardFeature {
  id: string;
  /**
   * The feature's tab in the right panel, or null while it has none. A hook: called on every
   * render of the workspace, inside every feature's Provider. Keep the content's code in a chunk
   * (`lazyTab`) unless the tab is on the board's first screen.
   */
  useTab?(env: FeatureEnv): PanelTab | null;
  /** Wraps the canvas and both panels: state the feature shares between its tab and the canvas. */
  Provider?: ComponentType<{ env: FeatureEnv; children: ReactNode }>;
  /** Drawn over the canvas beside the panels (a notice). */
  Overlay?: ComponentType<{ env: FeatureEnv }>;
  /** Offered under a single selected card in the Details tab. */
  CardAction?: ComponentType<{ shapeId: TLShapeId }>;
  /**
   * A menu in the board's top bar, between the connection status and the name button. Menus not
   * on the board's first screen keep their code in a chunk (`LazyMenu`, workspace/lazyMenu.tsx).
   */
  TopBarMenu?: ComponentType<{ env: TopBarEnv }>;
}

/**
 * Fired on `window` by a table wider than the right panel: `detail.by` is how many pixels more the
 * panel needs (the workspace widens it, within its bounds, and remembers it).
 */
export const WIDEN_PANEL_EVENT = 'pb:widen-right-panel';
