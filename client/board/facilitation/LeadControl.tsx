import { useEffect, useRef } from 'react';
import { createUserId, useValue, type Editor } from 'tldraw';
import { BRING_FRESH_MS } from '../../../shared/doc/control';
import { showZone } from '../cards/cardEdits';
import type { Facilitation } from '../sync/FacilitationContext';

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

/** "Follow me" and "Bring everyone here" for facilitators; "Stop following" for the others. */
export function LeadControl({ f, editor, lead }: { f: Facilitation; editor: Editor | null; lead: ReturnType<typeof useLeadEffects> }) {
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
            f.control.requestBring({ id: crypto.randomUUID(), leaderId: me.id, leaderName: me.name, bounds: { x: b.x, y: b.y, w: b.w, h: b.h }, at: f.clock.now() });
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
