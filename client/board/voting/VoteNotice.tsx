import { useState } from 'react';
import { useValue } from 'tldraw';
import { useFacilitation } from '../sync/FacilitationContext';
import { dotsLeft, plural } from './ballot';
import { votingFor } from './VotingState';
import './voting.css';

/**
 * Tells everyone on the board that a dot vote is open: on which step, what to do and how many dots
 * they have (viewers: that they watch). Over the canvas's top, in a polite live region that stays
 * mounted, so screen readers hear it when a round starts; shown until dismissed in this tab or
 * the round is revealed. `onOpen` brings the Vote tab forward.
 */
export function VoteNotice({ onOpen }: { onOpen(): void }) {
  const f = useFacilitation();
  const voting = f ? votingFor(f) : null;
  const round = useValue('voteNoticeRound', () => f?.control.currentRound() ?? null, [f]);
  const mine = useValue('voteNoticeMine', () => voting?.mine.get() ?? [], [voting]);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const show = !!f && !!voting && !!f.template?.steps.length && round?.status === 'open' && dismissed !== round.id;
  const step = show ? f.template?.steps.find((s) => s.id === round.stepId) : undefined;
  const left = show ? dotsLeft(mine, round) : 0;
  return (
    <div className="vote-notice-region" role="status" aria-live="polite" data-testid="vote-notice-region">
      {show && (
        <div className="vote-notice" data-testid="vote-notice" data-round-id={round.id}>
          <p className="vote-notice-title">
            <span className="vote-notice-dot" aria-hidden="true" />
            Dot vote on “{step?.title ?? 'this step'}”
          </p>
          {voting.canVote ? (
            <p data-testid="vote-notice-text">
              You have <strong>{plural(left, 'dot')}</strong>
              {left < round.perPerson ? ` left of ${round.perPerson}` : ''}
              {round.perItem !== null ? `, at most ${round.perItem} per card` : ''}. Put them on the cards you think matter most
              with + in the Vote tab; the counts stay hidden until the facilitator reveals them.
            </p>
          ) : (
            <p data-testid="vote-notice-text">
              {round.perPerson} dots each. Your link lets you watch: people with an editing link place the dots, and the ranking
              shows here when the facilitator reveals it.
            </p>
          )}
          <div className="vote-notice-actions">
            <button type="button" className="button small primary" onClick={onOpen} data-testid="vote-notice-open">
              {voting.canVote ? 'Vote now' : 'Watch the vote'}
            </button>
            <button type="button" className="button small ghost" onClick={() => setDismissed(round.id)} data-testid="vote-notice-dismiss">
              Dismiss<span className="visually-hidden"> the vote notice</span>
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
