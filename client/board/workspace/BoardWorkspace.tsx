import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useValue, type Editor } from 'tldraw';
import type * as Y from 'yjs';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import { readJson, writeJson } from '../../lib/localSettings';
import { localUser } from '../../lib/user';
import { showZone, zoneBounds } from '../cards/cardEdits';
import { LiveResultsSource } from '../cards/liveResults';
import { zoneGuides, type ZoneGuide } from '../shapes/zoneGuide';
import { ConnectorLegend } from './ConnectorLegend';
import { WIDEN_PANEL_EVENT, type BoardFeature, type FeatureEnv } from './boardFeature';
import { PalettePanel } from './PalettePanel';
import { PanelTabList, PanelTabPanels, type PanelTab } from './PanelTabs';
import { SidePanel } from './SidePanel';
import { StepsPanel } from './StepsPanel';
import { WorkspaceContext, WorkspaceState, type Workspace } from './WorkspaceState';
import './panels.css';

const PANELS_KEY = 'pb.panels';

/** Below this window width the side panels float over the canvas, one at a time. */
const FLOAT_BELOW_PX = 1200;
/** Right panel width: default for a window width, and the bounds of dragging it. */
const RIGHT_MIN_W = 280;
function defaultRightWidth(windowWidth: number): number {
  return Math.round(Math.min(460, Math.max(300, windowWidth * 0.22)));
}
/**
 * The widest the right panel gets: 40 % of the window (less 40 px beside the left panel); on a
 * wide screen 45 %, so a ten-column results table fits while the canvas stays wider than a
 * laptop's.
 */
function rightMaxWidth(windowWidth: number, floating: boolean): number {
  const share = windowWidth >= 1600 ? 0.45 : 0.4;
  const max = floating ? windowWidth * share : windowWidth * share - 40;
  return Math.max(RIGHT_MIN_W, Math.round(Math.min(900, max)));
}

interface PanelsState {
  left: boolean;
  right: boolean;
  /** The right panel's width, once someone dragged it (null: the default for the window). */
  rightWidth: number | null;
  /** The side opened last: the one a narrow window shows when both are open. */
  last: 'left' | 'right';
}

function useWindowWidth(): number {
  const [w, setW] = useState(() => window.innerWidth);
  useEffect(() => {
    const on = () => setW(window.innerWidth);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return w;
}

/**
 * The panels' state, remembered in this browser (`pb.panels`): which are open, the right one's
 * width. `toggle(side)` flips a side, `toggle(side, true)` opens it.
 */
function usePanels(): [PanelsState, (side: 'left' | 'right', value?: boolean, exclusive?: boolean) => void, (w: number, done: boolean) => void] {
  const [state, setState] = useState<PanelsState>(() => {
    const stored = readJson<Partial<PanelsState>>(PANELS_KEY);
    const rightWidth = typeof stored?.rightWidth === 'number' && Number.isFinite(stored.rightWidth) ? stored.rightWidth : null;
    return { left: stored?.left !== false, right: stored?.right !== false, rightWidth, last: stored?.last === 'right' ? 'right' : 'left' };
  });
  const toggle = (side: 'left' | 'right', value?: boolean, exclusive = false) =>
    setState((prev) => {
      const open = value ?? !prev[side];
      const other = side === 'left' ? 'right' : 'left';
      const closeOther = open && exclusive && prev[other];
      if (prev[side] === open && (!open || prev.last === side) && !closeOther) return prev;
      const next = { ...prev, [side]: open, last: open ? side : prev.last, ...(closeOther ? { [other]: false } : {}) };
      writeJson(PANELS_KEY, next);
      return next;
    });
  const resize = (w: number, done: boolean) =>
    setState((prev) => {
      const next = { ...prev, rightWidth: w };
      if (done) writeJson(PANELS_KEY, next);
      return next;
    });
  return [state, toggle, resize];
}

export interface BoardWorkspaceProps {
  /** The mounted editor; no panels until there is one. */
  editor: Editor | null;
  /** The board's exercise; no panels for an unknown template. */
  exercise: ExerciseDef | undefined;
  readOnly: boolean;
  /** The board's document, for the state that lives beside the canvas records (the action plan). */
  doc?: Y.Doc | null;
  variant?: string | null;
  templateVersion?: number;
  /** What the features contribute (tabs, providers, notices), in tab order. */
  features: readonly BoardFeature[];
  /** The canvas, placed between the two side panels (always at the same place in the tree, so
   * showing or hiding the panels never remounts the editor). */
  children: ReactNode;
}

/**
 * The canvas with the exercise around it: palette and steps on the left; on the right, the tabs
 * the features contribute (see boardFeature.ts). Both sides collapse. Blank boards get no left panel.
 */
export function BoardWorkspace({ editor, exercise, readOnly, doc = null, variant = null, templateVersion, features, children }: BoardWorkspaceProps) {
  const [panels, toggle, resizeRight] = usePanels();
  const windowWidth = useWindowWidth();
  const floating = windowWidth < FLOAT_BELOW_PX;
  // A narrow window shows one panel at a time (the one opened last), over the canvas.
  const open = floating && panels.left && panels.right ? { left: panels.last === 'left', right: panels.last === 'right' } : panels;
  const rightMax = rightMaxWidth(windowWidth, floating);
  const rightWidth = Math.min(rightMax, Math.max(RIGHT_MIN_W, panels.rightWidth ?? defaultRightWidth(windowWidth)));
  // A results table wider than the panel asks for the width it needs (FiguresPanel).
  const widenRight = useRef((_by: number) => {});
  widenRight.current = (by) => resizeRight(Math.min(rightMax, rightWidth + by), true);
  useEffect(() => {
    const on = (e: Event) => widenRight.current((e as CustomEvent<{ by: number }>).detail.by);
    window.addEventListener(WIDEN_PANEL_EVENT, on);
    return () => window.removeEventListener(WIDEN_PANEL_EVENT, on);
  }, []);
  const ui = useMemo(() => new WorkspaceState(), []);
  const [source, setSource] = useState<LiveResultsSource | null>(null);
  const [rightTab, setRightTab] = useState('details');
  // Opens the right panel on a tab (a narrow window shows it alone); stable for the features.
  const openRight = useRef(toggle);
  openRight.current = toggle;
  const showTab = useCallback((id: string, options?: { focus?: boolean }) => {
    setRightTab(id);
    openRight.current('right', true, window.innerWidth < FLOAT_BELOW_PX);
    if (options?.focus) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="tab-${id}"]`)?.focus());
  }, []);

  useEffect(() => {
    if (!editor || !exercise) return;
    const s = new LiveResultsSource(editor, exercise, { variant, templateVersion });
    setSource(s);
    return () => {
      s.dispose();
      setSource((cur) => (cur === s ? null : cur));
    };
  }, [editor, exercise, variant, templateVersion]);

  // Each zone shows the prompt of the step working in it (the current step first) under its label.
  const currentStep = useValue('currentStep', () => ui.currentStep.get(), [ui]);
  useEffect(() => {
    if (!editor || !exercise) return;
    const steps = exercise.template.steps;
    const guides: Record<string, ZoneGuide> = {};
    const order = [steps[currentStep], ...steps].filter((s) => !!s);
    for (const step of order) {
      if (step.zoneId && !guides[step.zoneId]) {
        guides[step.zoneId] = { stepNumber: steps.indexOf(step) + 1, title: step.title, prompt: step.prompt };
      }
    }
    zoneGuides(editor).set(guides);
  }, [editor, exercise, currentStep]);

  const cardActions = useMemo(() => features.flatMap((f) => (f.CardAction ? [f.CardAction] : [])), [features]);
  const ws = useMemo<Workspace | null>(
    () =>
      editor && exercise
        ? { editor, exercise, readOnly, ui, cardActions, author: () => ({ id: localUser.get().id, name: localUser.get().name }) }
        : null,
    [editor, exercise, readOnly, ui, cardActions],
  );
  const live = useValue('live', () => source?.live.get() ?? null, [source]);
  // A card to fill in (new from the palette, or double-clicked) brings the Details tab forward.
  const focusRequest = useValue('focusRequest', () => ui.focusRequest.get(), [ui]);
  // In a narrow window the inspector slides in (over the palette) to fill the new card in.
  useEffect(() => {
    if (focusRequest) showTab('details');
  }, [focusRequest, showTab]);

  const ready = !!(ws && live && exercise);
  const hasPalette = !!exercise && exercise.itemTypes.length > 0 && !readOnly;
  const showLeft = ready && !!exercise && (exercise.template.steps.length > 0 || hasPalette);
  const env: FeatureEnv = { editor, exercise, doc, readOnly, ui, live, ready, settled: ready || !exercise, showTab };

  // A board opens on the first step's view (its cards at a readable zoom; an empty zone at 100 %
  // from its top-left corner, label and prompt in view), once the panels are drawn: in a narrow
  // window the view is fitted beside the one floating over the canvas.
  useEffect(() => {
    if (!editor || !exercise || !ready) return;
    const camera = editor.getCamera();
    if (camera.x !== 0 || camera.y !== 0 || camera.z !== 1) return;
    const first = exercise.template.steps.find((s) => s.zoneId && zoneBounds(editor, s.zoneId));
    if (first?.zoneId) showZone(editor, first.zoneId, { animate: false });
  }, [editor, exercise, ready]);

  const layout = (
    <div className={floating ? 'board-workspace floating-panels' : 'board-workspace'}>
      {showLeft && exercise && live ? (
        <SidePanel side="left" label="Exercise" open={open.left} floating={floating} onToggle={() => toggle('left', !open.left, floating)}>
          <details className="side-intro">
            <summary className="side-exercise">{exercise.template.title}</summary>
            <p className="hint">{exercise.template.purpose}</p>
          </details>
          {hasPalette && <PalettePanel />}
          <StepsPanel live={live} />
          <ConnectorLegend />
        </SidePanel>
      ) : null}
      {children}
      {features.map((f) => f.Overlay && <f.Overlay key={f.id} env={env} />)}
      <RightPanel
        features={features}
        env={env}
        selected={rightTab}
        onSelect={setRightTab}
        open={open.right}
        floating={floating}
        width={rightWidth}
        resize={{ min: RIGHT_MIN_W, max: rightMax, onResize: resizeRight }}
        onToggle={() => toggle('right', !open.right, floating)}
      />
    </div>
  );
  // The features' providers wrap the canvas too (tldraw's context menu reaches the action plan).
  const provided = features.reduceRight<ReactNode>((inner, f) => (f.Provider ? <f.Provider key={f.id} env={env}>{inner}</f.Provider> : inner), layout);
  return <WorkspaceContext.Provider value={ws}>{provided}</WorkspaceContext.Provider>;
}

interface RightPanelProps {
  features: readonly BoardFeature[];
  env: FeatureEnv;
  selected: string;
  onSelect(id: string): void;
  open: boolean;
  floating: boolean;
  width: number;
  resize: { min: number; max: number; onResize(width: number, done: boolean): void };
  onToggle(): void;
}

const noTab = (): PanelTab | null => null;

/** The right panel: one tab per feature that has one now, in the features' order. */
function RightPanel({ features, env, selected, onSelect, open, floating, width, resize, onToggle }: RightPanelProps) {
  const idBase = useId();
  const tabs: PanelTab[] = [];
  for (const f of features) {
    // A hook: the features list is fixed for the workspace's life, so every render calls the same hooks in the same order.
    const tab = (f.useTab ?? noTab)(env);
    if (tab) tabs.push(tab);
  }
  if (tabs.length === 0) return null;
  const label = tabs.length === 1 ? tabs[0].label : 'Board panels';
  return (
    <SidePanel
      side="right"
      label={label}
      open={open}
      floating={floating}
      width={width}
      resize={resize}
      onToggle={onToggle}
      header={<PanelTabList tabs={tabs} selected={selected} onSelect={onSelect} idBase={idBase} label={label} />}
    >
      <PanelTabPanels tabs={tabs} selected={selected} idBase={idBase} />
    </SidePanel>
  );
}
