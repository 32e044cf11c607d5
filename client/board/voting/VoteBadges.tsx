import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import { useFacilitation, type Facilitation } from '../sync/FacilitationContext';
import { countDots } from './ballot';
import { votingFor } from './VotingState';
import './voting.css';

/** A badge keeps about this size on screen when zoomed out, up to this factor on the canvas. */
const MAX_BADGE_SCALE = 4;

interface Badge {
  id: string;
  count: number;
  /** Top-right corner of the card, in page coordinates. */
  x: number;
  y: number;
}

/**
 * tldraw's `OnTheCanvas` slot (inside the camera-transformed layer, so badges follow the cards
 * without re-rendering on pan): my dots on each card while a vote is open, every card's count
 * once it is revealed. Also hosts the polite announcements of vote changes.
 */
export function VoteBadges() {
  const editor = useEditor();
  const f = useFacilitation();
  if (!f) return null;
  return <VoteLayer editor={editor} f={f} />;
}

function VoteLayer({ editor, f }: { editor: Editor; f: Facilitation }) {
  const voting = votingFor(f);
  const round = useValue('voteRound', () => f.control.currentRound(), [f]);
  const mine = useValue('myDots', () => voting.mine.get(), [voting]);
  const show = useValue('voteBadges', () => voting.showBadges.get(), [voting]);
  const zoom = useValue('zoom', () => editor.getZoomLevel(), [editor]);

  const counts = useMemo(() => {
    if (!round || !show) return new Map<string, number>();
    if (round.status === 'revealed') return new Map(Object.entries(round.tally ?? {}).filter(([, n]) => n > 0));
    return countDots(mine);
  }, [round, mine, show]);
  const kind = round?.status === 'revealed' ? 'tally' : 'mine';

  const key = useValue(
    'voteBadgePositions',
    () => {
      const out: Badge[] = [];
      for (const [id, count] of counts) {
        const shape = editor.getShape(id as TLShapeId);
        if (!shape || editor.getAncestorPageId(shape) !== editor.getCurrentPageId()) continue;
        const b = editor.getShapePageBounds(shape);
        if (b) out.push({ id, count, x: b.maxX, y: b.minY });
      }
      return JSON.stringify(out);
    },
    [editor, counts],
  );
  const badges = useMemo(() => JSON.parse(key) as Badge[], [key]);
  const scale = Math.min(Math.max(1, 1 / zoom), MAX_BADGE_SCALE);
  const zIndex = editor.options.maxShapesPerPage * 4;

  return (
    <>
      {badges.map((b) => (
        <div
          key={b.id}
          className="pb-vote-badge-anchor"
          style={{ transform: `translate(${b.x}px, ${b.y}px) scale(${scale})`, zIndex }}
          data-testid={`vote-badge-${b.id}`}
          data-count={b.count}
          data-kind={kind}
          aria-hidden="true"
        >
          <span className={`pb-vote-badge pb-vote-badge-${kind}`}>
            {kind === 'mine' ? (
              <>
                <span className="pb-vote-badge-dots">
                  {Array.from({ length: Math.min(b.count, 5) }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: identical dots.
                    <span key={i} className="pb-vote-badge-dot" />
                  ))}
                </span>
                {b.count > 5 ? `×${b.count}` : null}
              </>
            ) : (
              <>
                <span className="pb-vote-badge-dot" />
                {b.count}
              </>
            )}
          </span>
        </div>
      ))}
      <VoteAnnouncer f={f} />
    </>
  );
}

/** A visually hidden live region with the latest vote announcement (outside tldraw's layers). */
function VoteAnnouncer({ f }: { f: Facilitation }) {
  const voting = votingFor(f);
  const announcement = useValue('voteAnnouncement', () => voting.announcement.get(), [voting]);
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => setHost(document.body), []);
  if (!host) return null;
  return createPortal(
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="vote-announcer">
      {announcement ? <span key={announcement.seq}>{announcement.text}</span> : null}
    </div>,
    host,
  );
}
