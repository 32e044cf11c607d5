import type { TerminalClose } from './sync/boardConnection';

/** A link whose token the facilitator replaced with a new one (close code 4410, or 401 `link_replaced`). */
export const LINK_REPLACED = {
  title: 'This link was replaced by a new one',
  text: 'The board’s facilitator made a new link for your role, so this one no longer opens the board. Ask them for the new link. Nothing you saved is lost.',
};

const TERMINAL_MESSAGES: Record<number, { title: string; text: string }> = {
  4410: {
    title: LINK_REPLACED.title,
    text: 'The board’s facilitator made a new link for your role, so this one stopped working. Your view is frozen; ask them for the new link.',
  },
  4401: {
    title: 'This link is no longer valid',
    text: 'The server stopped accepting this link. Your view is frozen; ask the facilitator for a fresh link.',
  },
  4403: {
    title: 'Access to this board was refused',
    text: 'This link does not allow you to work on this board any more.',
  },
  4404: {
    title: 'This board no longer exists',
    text: 'The board was removed from the server. What you see is the last state you received.',
  },
  4408: {
    title: 'The connection could not be authorised in time',
    text: 'Reload the page to connect again.',
  },
  4422: {
    title: 'The server refused a change from this page',
    text: 'It did not fit the board, so it was not saved, and this page stopped sending changes. Reload to continue with the board as it is saved; changes made since the last save are lost.',
  },
  4400: {
    title: 'The server rejected this page',
    text: 'Reload the page to connect again. Edits made since the last save may be lost.',
  },
};

/** Why the board stopped syncing for good (a terminal close), with Reload and Home. */
export function TerminalBanner({ close }: { close: TerminalClose }) {
  const msg = TERMINAL_MESSAGES[close.code] ?? {
    title: 'Disconnected from the board',
    text: close.reason ? `The server closed the connection: ${close.reason}.` : 'The server closed the connection.',
  };
  return (
    <div className="banner banner-error" role="alert" data-testid="terminal-close" data-code={close.code}>
      <div>
        <strong>{msg.title}.</strong> {msg.text}
      </div>
      <div className="banner-actions">
        <button type="button" className="button small secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <a className="button small secondary" href="/">
          Home
        </a>
      </div>
    </div>
  );
}
