import type { TLUiOverrides } from 'tldraw';
import { BOARD_TRANSLATIONS } from './a11y';

/**
 * Locking is the facilitator's: for everyone else tldraw's "Lock / Unlock" (shift+L) and "Unlock
 * all" actions are removed, so neither the context menu nor the keyboard offers them. The relay
 * enforces the same rule (server/sync/LockGuard.ts): a participant's write that moves, resizes,
 * deletes, locks or unlocks a locked record is undone for everyone. A module-level constant, so
 * tldraw never remounts its UI.
 */
export const PARTICIPANT_UI_OVERRIDES: TLUiOverrides = {
  translations: BOARD_TRANSLATIONS,
  actions(_editor, actions) {
    const { 'toggle-lock': _lock, 'unlock-all': _unlockAll, ...rest } = actions;
    return rest;
  },
};

export const FACILITATOR_UI_OVERRIDES: TLUiOverrides = { translations: BOARD_TRANSLATIONS };
