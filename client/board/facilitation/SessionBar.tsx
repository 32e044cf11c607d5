import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useDismiss } from '../../components/useDismiss';
import { createUserId, useValue, type Editor } from 'tldraw';
import { BRING_FRESH_MS } from '../../../shared/doc/control';
import { addTime, formatRemaining, hasEnded, idleTimer, pause, remainingMs, reset, start, type TimerState } from '../../../shared/timer';
import { readJson, writeJson } from '../../lib/storage';
import { showZone, zoneBounds } from '../panels/boardActions';
import { BannerControl, BoardBanner } from './BoardBanner';
import { useFacilitation, type Facilitation } from './FacilitationContext';
import { useServerNow } from './useServerNow';
import './session.css';

const SOUND_KEY = 'pb.timerSound';
const MINUTE = 60_000;

function newId(): string {
  return crypto.randomUUID();
}

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

function useStep(f: Facilitation) {
  const step = useValue('sessionStep', () => f.control.step.get(), [f]);
  const steps = f.template?.steps ?? [];
  const index = step ? steps.findIndex((s) => s.id === step.stepId) : -1;
  return { steps, index, current: index >= 0 ? steps[index] : null };
}

function StepControl({ f, editor }: { f: Facilitation; editor: Editor | null }) {
  const { steps, index, current } = useStep(f);
  const takeAll = useValue('takeEveryone', () => f.control.takeEveryone.get(), [f]);
  if (steps.length === 0) return null;

  const moveTo = (i: number) => {
    const step = steps[i];
    if (!step) return;
    const now = f.clock.now();
    const me = f.me();
    f.control.setStep({ stepId: step.id, index: i, changedAt: now, by: me.name }, idleTimer(step.minutes * MINUTE, step.id));
    const bounds = editor && step.zoneId ? zoneBounds(editor, step.zoneId) : undefined;
    if (editor && step.zoneId) showZone(editor, step.zoneId);
    // Everyone's view then shows the step's cards, fitted to each person's screen.
    if (takeAll && bounds && step.zoneId) {
      f.control.requestBring({
        id: newId(),
        leaderId: me.id,
        leaderName: me.name,
        bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
        zoneId: step.zoneId,
        at: now,
      });
    }
  };
  const hasZone = !!(editor && current?.zoneId && zoneBounds(editor, current.zoneId));

  return (
    <div className="session-step" data-testid="session-step" data-step-id={current?.id ?? ''} data-step-index={index}>
      {f.canControl && (
        <button
          type="button"
          className="button small ghost"
          onClick={() => moveTo(index - 1)}
          disabled={index <= 0}
          aria-label="Previous step"
          data-testid="step-prev"
        >
          ←
        </button>
      )}
      <div className="session-step-text">
        {current ? (
          <>
            <span className="session-step-count">
              Step {index + 1} of {steps.length}
            </span>
            <span className="session-step-title" title={`${current.title}: ${current.prompt}`}>
              {current.title}
            </span>
          </>
        ) : (
          <span className="session-step-title muted">{f.canControl ? 'Not started' : 'Waiting for the facilitator'}</span>
        )}
      </div>
      {f.canControl && (
        <button
          type="button"
          className="button small primary"
          onClick={() => moveTo(index + 1)}
          disabled={index >= steps.length - 1}
          data-testid="step-next"
        >
          {index < 0 ? 'Start step 1' : 'Next step'}
        </button>
      )}
      {f.canControl && (
        <label className="session-check" title="Move everyone's view to the step's zone when the step changes">
          <input type="checkbox" checked={takeAll} onChange={(e) => f.control.setTakeEveryone(e.target.checked)} data-testid="step-take-all" />
          Take everyone there
        </label>
      )}
      {!f.canControl && hasZone && current?.zoneId && editor && (
        <button
          type="button"
          className="button small secondary"
          onClick={() => current.zoneId && showZone(editor, current.zoneId)}
          data-testid="step-go"
        >
          Go to current step
        </button>
      )}
    </div>
  );
}

function beep() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.8);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.8);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio output: the visual cue remains.
  }
}

function TimerControl({ f }: { f: Facilitation }) {
  const timer = useValue('sessionTimer', () => f.control.timer.get(), [f]);
  const { current } = useStep(f);
  const running = timer?.status === 'running';
  const now = useServerNow(f.clock, running);
  const [sound, setSound] = useState(() => readJson<boolean>(SOUND_KEY) === true);
  const [announcement, setAnnouncement] = useState('');
  const ended = !!timer && hasEnded(timer, now);
  const endedFor = useRef<number | null>(null);

  useEffect(() => {
    if (timer?.status !== 'running') return;
    if (ended && endedFor.current !== timer.endsAt) {
      endedFor.current = timer.endsAt;
      // Only a timer that ran out while we watched rings; one that ended long ago stays quiet.
      if (now - timer.endsAt < 5_000) {
        setAnnouncement(current ? `Time is up for ${current.title}.` : 'Time is up.');
        if (sound) beep();
      }
    }
  }, [ended, timer, now, sound, current]);

  const shown: TimerState = timer ?? idleTimer((current?.minutes ?? 5) * MINUTE, current?.id);
  const left = remainingMs(shown, now);
  const write = (next: TimerState) => f.control.setTimer(next);
  const state = ended ? 'ended' : shown.status;

  if (!timer && !f.canControl) return null;
  return (
    <div className={`session-timer timer-${state}`} data-testid="session-timer" data-state={state} data-remaining-ms={Math.round(left)}>
      <span className="timer-face" role="timer" aria-label={`Timer: ${formatRemaining(left)} ${state === 'running' ? 'left' : state}`}>
        {formatRemaining(left)}
      </span>
      {f.canControl && (
        <span className="timer-buttons">
          {shown.status === 'running' ? (
            <button type="button" className="button small secondary" onClick={() => write(pause(shown, f.clock.now()))} data-testid="timer-pause">
              Pause
            </button>
          ) : (
            <button type="button" className="button small secondary" onClick={() => write(start(shown, f.clock.now()))} data-testid="timer-start">
              {shown.status === 'paused' ? 'Resume' : 'Start'}
            </button>
          )}
          <button type="button" className="button small ghost" onClick={() => write(addTime(shown, f.clock.now(), MINUTE))} data-testid="timer-add" title="Add a minute to the timer">
            +1 min
          </button>
          <button
            type="button"
            className="button small ghost"
            onClick={() => write(reset(shown, current ? current.minutes * MINUTE : shown.durationMs))}
            data-testid="timer-reset"
            aria-label="Reset the timer"
          >
            Reset
          </button>
        </span>
      )}
      <button
        type="button"
        className="button small ghost timer-sound"
        aria-pressed={sound}
        aria-label={sound ? 'Sound at the end: on' : 'Sound at the end: off'}
        title="Play a sound when the time is up"
        onClick={() => {
          writeJson(SOUND_KEY, !sound);
          setSound(!sound);
        }}
      >
        <BellIcon muted={!sound} />
      </button>
      <span className="visually-hidden" role="alert">
        {announcement}
      </span>
    </div>
  );
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}

/** Applies "follow me" and "bring everyone" to this browser's viewport. */
export function useLeadEffects(f: Facilitation | null, editor: Editor | null) {
  const follow = useValue('sessionFollow', () => f?.control.follow.get() ?? null, [f]);
  const bring = useValue('sessionBring', () => f?.control.bring.get() ?? null, [f]);
  const optedOut = useRef<number | null>(null);
  const seenBring = useRef<string | null>(null);
  /** The leader this browser started following for the current follow session. */
  const lastLeader = useRef<string | null>(null);

  // Bring: a one-off jump, once per request, and only when it is fresh (a late joiner is not
  // yanked to where the facilitator was ten minutes ago).
  useEffect(() => {
    if (!f || !editor || !bring || seenBring.current === bring.id) return;
    seenBring.current = bring.id;
    if (bring.leaderId === f.me().id) return;
    if (f.clock.now() - bring.at > BRING_FRESH_MS) return;
    if (editor.getInstanceState().followingUserId) editor.stopFollowingUser();
    if (bring.zoneId && showZone(editor, bring.zoneId)) return;
    const { x, y, w, h } = bring.bounds;
    editor.zoomToBounds({ x, y, w, h }, { inset: 0, animation: { duration: 300 } });
  }, [f, editor, bring]);

  // Follow: start following the leader (once their presence is here) unless this person opted
  // out of this follow session; stop when the facilitator releases everyone.
  const leaderPresent = useValue(
    'leaderPresent',
    () => {
      if (!editor || !follow) return false;
      const userId = createUserId(follow.leaderId);
      return editor.store.query.records('instance_presence').get().some((p) => p.userId === userId);
    },
    [editor, follow],
  );
  useEffect(() => {
    if (!f || !editor) return;
    const me = f.me().id;
    const following = editor.getInstanceState().followingUserId;
    if (!follow) {
      optedOut.current = null;
      if (following && following === (lastLeader.current ? createUserId(lastLeader.current) : null)) editor.stopFollowingUser();
      lastLeader.current = null;
      return;
    }
    if (follow.leaderId === me || optedOut.current === follow.since || !leaderPresent) return;
    const leaderUserId = createUserId(follow.leaderId);
    if (following !== leaderUserId) editor.startFollowingUser(leaderUserId);
    lastLeader.current = follow.leaderId;
  }, [f, editor, follow, leaderPresent]);

  // Moving one's own view stops tldraw's following; that is this person opting out.
  const followingId = useValue('followingUserId', () => editor?.getInstanceState().followingUserId ?? null, [editor]);
  useEffect(() => {
    if (follow && !followingId && lastLeader.current === follow.leaderId) optedOut.current = follow.since;
  }, [followingId, follow]);

  return {
    follow,
    following: !!follow && !!followingId && followingId === createUserId(follow.leaderId),
    rejoin: () => {
      if (!editor || !follow) return;
      optedOut.current = null;
      lastLeader.current = follow.leaderId;
      editor.startFollowingUser(createUserId(follow.leaderId));
    },
    optOut: () => {
      if (!editor || !follow) return;
      optedOut.current = follow.since;
      editor.stopFollowingUser();
    },
  };
}

function LeadControl({ f, editor, lead }: { f: Facilitation; editor: Editor | null; lead: ReturnType<typeof useLeadEffects> }) {
  const me = f.me();
  if (f.canControl) {
    const leading = lead.follow?.leaderId === me.id;
    return (
      <div className="session-lead">
        <button
          type="button"
          className="button small secondary"
          disabled={!editor}
          data-testid="bring-everyone"
          title="Move everyone's view to what you see now"
          onClick={() => {
            if (!editor) return;
            const b = editor.getViewportPageBounds();
            f.control.requestBring({ id: newId(), leaderId: me.id, leaderName: me.name, bounds: { x: b.x, y: b.y, w: b.w, h: b.h }, at: f.clock.now() });
          }}
        >
          Bring everyone to me
        </button>
        <button
          type="button"
          className={`button small ${leading ? 'primary' : 'secondary'}`}
          aria-pressed={leading}
          data-testid="follow-me"
          onClick={() => f.control.setFollow(leading ? null : { leaderId: me.id, leaderName: me.name, since: f.clock.now() })}
        >
          {leading ? 'Release everyone' : 'Follow me'}
        </button>
        {lead.follow && !leading && (
          <span className="session-note" data-testid="follow-state">
            {lead.follow.leaderName || 'Someone'} is leading
          </span>
        )}
      </div>
    );
  }
  if (!lead.follow) return null;
  return (
    <div className="session-lead" data-testid="follow-state" data-following={lead.following ? 'true' : 'false'}>
      {lead.following ? (
        <>
          <span className="session-note">Following {lead.follow.leaderName || 'the facilitator'}</span>
          <button type="button" className="button small ghost" onClick={lead.optOut} data-testid="follow-stop">
            Stop following
          </button>
        </>
      ) : (
        <>
          <span className="session-note">{lead.follow.leaderName || 'The facilitator'} is leading</span>
          <button type="button" className="button small secondary" onClick={lead.rejoin} data-testid="follow-join">
            Follow
          </button>
        </>
      )}
    </div>
  );
}
