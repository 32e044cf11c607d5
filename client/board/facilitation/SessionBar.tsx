import { useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useDismiss } from '../../components/useDismiss';
import type { Editor } from 'tldraw';
import { BannerControl, BoardBanner } from './BoardBanner';
import { useFacilitation, type Facilitation } from '../sync/FacilitationContext';
import { useLeadEffects, LeadControl } from './LeadControl';
import { TimerControl } from './TimerControl';
import { StepControl } from './StepControl';
import './session.css';

/**
 * The session strip under the top bar: the step the facilitator has the board on, the shared
 * timer, and viewport leading ("bring everyone", "follow me"). Facilitators get the controls;
 * everyone else sees the same state and can jump back to the current step or stop following.
 * The board's banner message (BoardBanner.tsx) shows under it.
 */
export function SessionBar({ editor }: { editor: Editor | null }) {
  const f = useFacilitation();
  if (!f) return null;
  return <SessionStrip f={f} editor={editor} />;
}

/** Groups that move into the "More" pop-over, in that order, when the bar has no room for them. */
const OVERFLOW_ORDER = ['banner', 'lead'] as const;
type OverflowGroup = (typeof OVERFLOW_ORDER)[number];
/** Width of the "More" button (measured once it shows). */
const MORE_W = 90;

/**
 * How many groups (from the start of OVERFLOW_ORDER) go into the "More" pop-over so that the bar
 * stays one row. Widths are measured while a group is in the bar and remembered.
 */
function useOverflow(barRef: RefObject<HTMLElement | null>): number {
  const [moved, setMoved] = useState(0);
  const widths = useRef<Partial<Record<OverflowGroup, number>>>({});
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const measure = () => {
      const style = getComputedStyle(bar);
      const gap = Number.parseFloat(style.columnGap) || 0;
      const room = bar.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      // Natural widths (nothing in the bar shrinks): groups are measured while they are in it.
      let fixed = 0;
      let fixedCount = 0;
      for (const child of bar.children) {
        const el = child as HTMLElement;
        const group = el.dataset.group as OverflowGroup | undefined;
        if (group) widths.current[group] = el.offsetWidth;
        else if (!el.dataset.more && el.offsetWidth > 0) {
          fixed += el.offsetWidth;
          fixedCount++;
        }
      }
      const w = (g: OverflowGroup) => widths.current[g] ?? 0;
      let next = 0;
      const need = (n: number) => {
        const inline = OVERFLOW_ORDER.slice(n).filter((g) => w(g) > 0);
        const items = fixedCount + inline.length + (n > 0 ? 1 : 0);
        return fixed + inline.reduce((sum, g) => sum + w(g), 0) + (n > 0 ? MORE_W : 0) + Math.max(0, items - 1) * gap;
      };
      while (next < OVERFLOW_ORDER.length && need(next) > room) next++;
      setMoved((cur) => (cur === next ? cur : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(bar);
    return () => ro.disconnect();
  });
  return moved;
}

function SessionStrip({ f, editor }: { f: Facilitation; editor: Editor | null }) {
  const barRef = useRef<HTMLElement>(null);
  // Always running, wherever its buttons are shown: "follow me" and "bring everyone" act here.
  const lead = useLeadEffects(f, editor);
  const moved = useOverflow(barRef);
  const groups: Record<OverflowGroup, ReactNode> = {
    lead: <LeadControl f={f} editor={editor} lead={lead} />,
    banner: <BannerControl f={f} />,
  };
  const overflowed = OVERFLOW_ORDER.slice(0, moved);
  const inline = (g: OverflowGroup) =>
    overflowed.includes(g) ? null : (
      <div className="session-group" data-group={g}>
        {groups[g]}
      </div>
    );
  return (
    <>
      <section ref={barRef} className="session-bar" aria-label="Session" data-testid="session-bar">
        <StepControl f={f} editor={editor} />
        <TimerControl f={f} />
        {inline('lead')}
        {inline('banner')}
        {overflowed.length > 0 && (
          <MoreMenu>
            {[...overflowed].reverse().map((g) => (
              <div key={g} className="session-more-group">
                {groups[g]}
              </div>
            ))}
          </MoreMenu>
        )}
      </section>
      <BoardBanner f={f} />
    </>
  );
}

/** "More": the session controls the bar has no room for, in a pop-over (Escape or a press outside closes it). */
function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  useDismiss(open, [button, panel], (byKeyboard) => {
    setOpen(false);
    if (byKeyboard) button.current?.focus();
  });
  return (
    <div className="session-more" data-more="true">
      <button
        ref={button}
        type="button"
        className="button small secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="session-more"
      >
        More <span aria-hidden="true">▾</span>
      </button>
      <div ref={panel} id={id} className="session-more-panel" hidden={!open} data-testid="session-more-panel">
        {children}
      </div>
    </div>
  );
}
