import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useValue, type Editor } from 'tldraw';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import { readJson, writeJson } from '../../lib/storage';
import { localUser } from '../../lib/user';
import { FiguresPanel } from './FiguresPanel';
import { Inspector } from './Inspector';
import { zoneBounds } from './boardActions';
import { LiveResultsSource } from './liveResults';
import { PalettePanel } from './PalettePanel';
import { SidePanel } from './SidePanel';
import { StepsPanel } from './StepsPanel';
import { WorkspaceContext, WorkspaceState, type Workspace } from './WorkspaceState';
import './panels.css';

const PANELS_KEY = 'pb.panels';
/** Where a zone's top-left corner lands on screen when the board opens. */
const OPEN_MARGIN = { x: 24, y: 64 };

interface PanelsOpen {
  left: boolean;
  right: boolean;
}

function usePanelsOpen(): [PanelsOpen, (side: keyof PanelsOpen) => void] {
  const [open, setOpen] = useState<PanelsOpen>(() => {
    const stored = readJson<Partial<PanelsOpen>>(PANELS_KEY);
    return { left: stored?.left !== false, right: stored?.right !== false };
  });
  const toggle = (side: keyof PanelsOpen) =>
    setOpen((prev) => {
      const next = { ...prev, [side]: !prev[side] };
      writeJson(PANELS_KEY, next);
      return next;
    });
  return [open, toggle];
}

export interface BoardWorkspaceProps {
  /** The mounted editor; no panels until there is one. */
  editor: Editor | null;
  /** The board's exercise; no panels for an unknown template. */
  exercise: ExerciseDef | undefined;
  readOnly: boolean;
  variant?: string | null;
  templateVersion?: number;
  /** The canvas, placed between the two side panels (always at the same place in the tree, so
   * showing or hiding the panels never remounts the editor). */
  children: ReactNode;
}

/**
 * The canvas with the exercise around it: palette and steps on the left, the inspector and the
 * live results on the right. Both sides collapse. Boards without steps, item types or connector
 * kinds (blank) get no panels at all.
 */
export function BoardWorkspace({ editor, exercise, readOnly, variant = null, templateVersion, children }: BoardWorkspaceProps) {
  const [open, toggle] = usePanelsOpen();
  const ui = useMemo(() => new WorkspaceState(), []);
  const [source, setSource] = useState<LiveResultsSource | null>(null);

  useEffect(() => {
    if (!editor || !exercise) return;
    const s = new LiveResultsSource(editor, exercise, { variant, templateVersion });
    setSource(s);
    return () => {
      s.dispose();
      setSource((cur) => (cur === s ? null : cur));
    };
  }, [editor, exercise, variant, templateVersion]);

  // A board opens on the first step's zone at 100 %, its label clear of tldraw's page menu.
  useEffect(() => {
    if (!editor || !exercise) return;
    const camera = editor.getCamera();
    if (camera.x !== 0 || camera.y !== 0 || camera.z !== 1) return;
    const first = exercise.template.steps.find((s) => s.zoneId && zoneBounds(editor, s.zoneId));
    const bounds = first?.zoneId ? zoneBounds(editor, first.zoneId) : undefined;
    if (bounds) editor.setCamera({ x: OPEN_MARGIN.x - bounds.x, y: OPEN_MARGIN.y - bounds.y, z: 1 });
  }, [editor, exercise]);

  const ws = useMemo<Workspace | null>(
    () =>
      editor && exercise
        ? { editor, exercise, readOnly, ui, author: () => ({ id: localUser.get().id, name: localUser.get().name }) }
        : null,
    [editor, exercise, readOnly, ui],
  );
  const live = useValue('live', () => source?.live.get() ?? null, [source]);

  const ready = ws && live && exercise;
  const hasPalette = !!exercise && exercise.itemTypes.length > 0 && !readOnly;
  const showLeft = ready && (exercise.template.steps.length > 0 || hasPalette);
  const showRight = ready && (exercise.itemTypes.length > 0 || exercise.connectorKinds.length > 0);

  return (
    <WorkspaceContext.Provider value={ws}>
      <div className="board-workspace">
        {showLeft ? (
          <SidePanel side="left" label="Exercise" open={open.left} onToggle={() => toggle('left')}>
            <details className="side-intro">
              <summary className="side-exercise">{exercise.template.title}</summary>
              <p className="hint">{exercise.template.purpose}</p>
            </details>
            {hasPalette && <PalettePanel />}
            <StepsPanel live={live} />
          </SidePanel>
        ) : null}
        {children}
        {showRight ? (
          <SidePanel side="right" label="Details" open={open.right} onToggle={() => toggle('right')}>
            <Inspector />
            <FiguresPanel live={live} />
          </SidePanel>
        ) : null}
      </div>
    </WorkspaceContext.Provider>
  );
}
