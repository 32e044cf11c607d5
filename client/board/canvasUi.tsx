import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  useEditor,
  useValue,
  type Editor,
  type TLComponents,
  type TLUiContextMenuProps,
} from 'tldraw';
import { ChangeHighlights } from './changes/ChangeHighlights';
import { ChangesNotice } from './changes/ChangesNotice';
import type { SinceLastVisit } from './changes/SinceLastVisit';
import { VoteBadges } from './voting/VoteBadges';
import { BoardStylePanel } from './shapes/BoardStylePanel';
import { CardFullText } from './shapes/CardFullText';
import { promote, useOptionalActionPlan, type ActionPlanEnv } from './actions/ActionPlanContext';
import { selectionOffer } from './actions/promotion';

function PromoteMenuGroup({ env }: { env: ActionPlanEnv }) {
  const editor = useEditor();
  const { plan, readOnly } = env;
  const offer = useValue('promoteOffer', () => selectionOffer(editor.getSelectedShapes(), (id) => plan.actionFor(id)), [editor, plan]);
  if (offer.kind === 'none' || (offer.kind === 'promote' && readOnly)) return null;
  return (
    <TldrawUiMenuGroup id="action-plan">
      {offer.kind === 'promote' ? (
        <TldrawUiMenuItem
          id="promote-to-action"
          label={offer.promotions.length === 1 ? 'Promote to action' : `Promote ${offer.promotions.length} to actions`}
          onSelect={() => {
            promote(plan, offer.promotions);
          }}
        />
      ) : (
        <TldrawUiMenuItem id="show-action" label="Show in action plan" readonlyOk onSelect={() => plan.show(offer.actionId, 'text')} />
      )}
    </TldrawUiMenuGroup>
  );
}

/** tldraw's context menu with "Promote to action" (or "Show in action plan") first. */
function BoardContextMenu(props: TLUiContextMenuProps) {
  const env = useOptionalActionPlan();
  return (
    <DefaultContextMenu {...props}>
      {env && <PromoteMenuGroup env={env} />}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  );
}

/**
 * tldraw UI overrides of a board; a constant, so tldraw never remounts its UI. `OnTheCanvas`
 * carries the dot-voting badges and the "since your last visit" outlines on the cards. The page
 * menu is gone (a board has one page; `BOARD_TLDRAW_OPTIONS` also stops tldraw creating pages)
 * and the style panel shows only when it applies (BoardStylePanel).
 */
export const BOARD_UI_COMPONENTS: TLComponents = {
  ContextMenu: BoardContextMenu,
  OnTheCanvas: BoardCanvasOverlays,
  StylePanel: BoardStylePanel,
  PageMenu: null,
  InFrontOfTheCanvas: CardFullText,
};

/**
 * Everything drawn in tldraw's `OnTheCanvas` slot (one component, since the slot takes one): the
 * dot-voting badges and the "since your last visit" outlines.
 */
function BoardCanvasOverlays() {
  return (
    <>
      <ChangeHighlights />
      <VoteBadges />
    </>
  );
}

/**
 * "Since your last visit" over the canvas; an action in it opens in the action plan (inside the
 * workspace, whose features provide the plan).
 */
export function ChangesOverCanvas({ since, editor }: { since: SinceLastVisit; editor: Editor | null }) {
  const env = useOptionalActionPlan();
  return <ChangesNotice since={since} editor={editor} showAction={env ? (id) => env.plan.show(id, 'text') : null} />;
}
