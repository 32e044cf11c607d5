import type { Editor } from 'tldraw';
import { LICENSE_KEY_META } from '../../../shared/licence';

/**
 * The tldraw licence key: the one the server put in the page (`TLDRAW_LICENSE_KEY`, read when
 * the server starts, so one build serves every host), else the one baked in at build time
 * (`VITE_TLDRAW_LICENSE_KEY`).
 */
export function licenceKey(page: Pick<Document, 'querySelector'> | undefined, buildTimeKey: string | undefined): string | undefined {
  const runTime = page?.querySelector(`meta[name="${LICENSE_KEY_META}"]`)?.getAttribute('content')?.trim();
  return runTime || buildTimeKey?.trim() || undefined;
}

export const TLDRAW_LICENSE_KEY: string | undefined = licenceKey(
  typeof document === 'undefined' ? undefined : document,
  import.meta.env.VITE_TLDRAW_LICENSE_KEY,
);

/**
 * tldraw 5 hides the editor ~5 s after mount when its licence state is `unlicensed-production`
 * (no/invalid key, or a key for another host, on https away from localhost) or `expired`. It then
 * renders, in place of the whole editor, a hidden marker: `<div data-testid="tl-license-expired">`.
 */
const LICENCE_GATE_SELECTOR = '[data-testid="tl-license-expired"]';
const FAILING_STATES = new Set(['unlicensed-production', 'expired']);
/** tldraw's LICENSE_TIMEOUT is 5000 ms; allow some slack before trusting the fallback signals. */
const GATE_DELAY_MS = 6500;

type LicenceState = string;

/** The editor's (internal) licence manager state, if this version exposes it. */
function licenceStateOf(editor: Editor | null): LicenceState | null {
  const lm = (editor as unknown as { licenseManager?: { state?: { get?: () => unknown } } } | null)?.licenseManager;
  const v = lm?.state?.get?.();
  return typeof v === 'string' ? v : null;
}

/**
 * Watches a container holding `<Tldraw>` and calls `onTripped` once the licence gate has hidden
 * the editor. Three independent signals, any of which is enough:
 *  1. tldraw's gate marker appears in the container (the documented test hook);
 *  2. the editor's licence state is failing and, after tldraw's delay, no `.tl-container` is left;
 *  3. the editor had mounted and its `.tl-container` vanished while the board is still open.
 */
export function watchLicenceGate(
  container: HTMLElement,
  getEditor: () => Editor | null,
  onTripped: (reason: string) => void,
): () => void {
  let done = false;
  let mountedOnce = false;
  let failingSince: number | null = null;
  let missingSince: number | null = null;
  const trip = (reason: string) => {
    if (done) return;
    done = true;
    cleanup();
    onTripped(reason);
  };

  const check = () => {
    if (done) return;
    if (container.querySelector(LICENCE_GATE_SELECTOR)) return trip('gate-marker');
    const hasEditorDom = container.querySelector('.tl-container') !== null;
    if (hasEditorDom) mountedOnce = true;
    const state = licenceStateOf(getEditor());
    if (state && FAILING_STATES.has(state)) {
      failingSince ??= Date.now();
      if (!hasEditorDom && Date.now() - failingSince >= GATE_DELAY_MS) return trip(`state:${state}`);
    }
    if (mountedOnce && !hasEditorDom && getEditor() !== null) {
      // The editor we were handed is gone from the DOM but nobody unmounted the board. Require it
      // to stay gone for a moment, so a normal unmount in progress is not mistaken for the gate.
      missingSince ??= Date.now();
      if (Date.now() - missingSince >= 1500) return trip('editor-removed');
    } else {
      missingSince = null;
    }
  };

  const observer = new MutationObserver(check);
  observer.observe(container, { childList: true, subtree: true });
  const interval = window.setInterval(check, 1000);
  const cleanup = () => {
    observer.disconnect();
    window.clearInterval(interval);
  };
  check();
  return () => {
    done = true;
    cleanup();
  };
}

