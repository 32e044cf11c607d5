import { useEffect, useRef, useState } from 'react';
import { useValue } from 'tldraw';
import { addTime, formatRemaining, hasEnded, idleTimer, pause, remainingMs, reset, start, type TimerState } from '../../../shared/timer';
import { readJson, writeJson } from '../../lib/localSettings';
import type { Facilitation } from '../sync/FacilitationContext';
import { useServerNow } from './useServerNow';
import { MINUTE, useStep } from './StepControl';

const SOUND_KEY = 'pb.timerSound';

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

/** The shared timer: start, pause, add a minute, reset for facilitators; the countdown and its bell for everyone. */
export function TimerControl({ f }: { f: Facilitation }) {
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
