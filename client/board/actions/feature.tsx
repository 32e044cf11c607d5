import { useEffect, useMemo, useState } from 'react';
import { lazyChunk } from '../../components/LazyChunk';
import { localUser } from '../../lib/user';
import type { BoardFeature } from '../workspace/boardFeature';
import { lazyTab } from '../workspace/lazyTab';
import { ActionPlanContext, useOptionalActionPlan, type ActionPlanEnv } from './ActionPlanContext';
import { ActionPlanState } from './ActionPlanState';
import { PromoteButton } from './PromoteButton';

const ActionsChunk = lazyChunk(() => import('./ActionPlanPanel'), (m) => m.ActionPlanPanel);

/**
 * The action plan: its state, provided around the canvas and the panels (tldraw's context menu and
 * the inspector promote cards to actions), the Actions tab, and "Promote to action" under a card.
 */
export const actionsFeature: BoardFeature = {
  id: 'actions',
  Provider({ env, children }) {
    const { editor, doc, readOnly, showTab } = env;
    const [plan, setPlan] = useState<ActionPlanState | null>(null);
    useEffect(() => {
      if (!editor || !doc) return;
      const p = new ActionPlanState(doc, {
        authorName: () => localUser.get().name.trim() || 'Anonymous',
        onShow: () => showTab('actions'),
      });
      setPlan(p);
      return () => {
        p.dispose();
        setPlan((cur) => (cur === p ? null : cur));
      };
    }, [editor, doc, showTab]);
    const value = useMemo<ActionPlanEnv | null>(() => (plan && editor ? { plan, editor, readOnly } : null), [plan, editor, readOnly]);
    return <ActionPlanContext.Provider value={value}>{children}</ActionPlanContext.Provider>;
  },
  useTab({ settled }) {
    const plan = useOptionalActionPlan();
    if (!settled || !plan) return null;
    return lazyTab('actions', 'Actions', ActionsChunk, <ActionsChunk.Component />);
  },
  CardAction: PromoteButton,
};
