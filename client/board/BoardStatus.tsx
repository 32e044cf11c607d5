import type { OpenBoardPhase } from './sync/openBoard';

/**
 * What the canvas's place shows while the board is not drawn: connecting (or offline), a board
 * saved by a newer version, an empty answer, an error. Each failure offers a reload.
 */
export function BoardStatus({ phase, offline, newer }: { phase: OpenBoardPhase | null; offline: boolean; newer: boolean }) {
  if (!phase || phase.kind === 'connecting') {
    return (
      <div className="board-status" role="status" data-testid="board-loading">
        <p>{offline ? 'You are offline. The board will load when the connection is back.' : 'Connecting to the board…'}</p>
      </div>
    );
  }
  if (phase.kind === 'newer' || newer) {
    return (
      <Failure testId="newer-version" title="This board was saved by a newer version; reload the page">
        Someone opened it with a newer version of this app. Reloading fetches that version.
      </Failure>
    );
  }
  if (phase.kind === 'empty') {
    return (
      <Failure testId="board-empty" title="This board’s content could not be loaded">
        The server sent an empty board. Nothing was changed; try again in a moment.
      </Failure>
    );
  }
  if (phase.kind === 'error') {
    return (
      <Failure testId="board-error" title="This board could not be opened">
        {phase.message}
      </Failure>
    );
  }
  return null;
}

function Failure({ testId, title, children }: { testId: string; title: string; children: React.ReactNode }) {
  return (
    <div className="board-status" role="alert" data-testid={testId}>
      <h2>{title}</h2>
      <p>{children}</p>
      <button type="button" className="button primary" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </div>
  );
}
