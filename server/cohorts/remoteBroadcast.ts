import { randomBytes } from 'node:crypto';
import { isBoardId } from '../../shared/ids';
import { getTemplate } from '../../exercises/registry';
import type { EventBus } from '../events/EventBus';
import { topic } from '../events/EventBus';
import type { Logger } from '../runtime/log';
import type { BoardPlacement } from '../sync/boardPlacement';
import type { Relay } from '../sync/Relay';
import { applyBroadcast, type Plan } from './broadcast';

/** How long the node that took a broadcast waits for the owners of the other boards (ms). */
export const REMOTE_BROADCAST_TIMEOUT_MS = 5000;

interface BroadcastRequest {
  requestId: string;
  templateId: string;
  boards: string[];
  plan: Plan;
}

interface BroadcastDone {
  requestId: string;
  done: string[];
  failed: string[];
}

const boardIds = (v: unknown): string[] => (Array.isArray(v) ? v.filter((b): b is string => typeof b === 'string' && isBoardId(b)).slice(0, 200) : []);

const broadcastRequested = topic<BroadcastRequest>('cohort.broadcast', (data) => {
  const d = data as Partial<BroadcastRequest> | null;
  if (!d || typeof d.requestId !== 'string' || typeof d.templateId !== 'string' || !d.plan || typeof d.plan !== 'object' || typeof d.plan.now !== 'number') return null;
  return { requestId: d.requestId, templateId: d.templateId, boards: boardIds(d.boards), plan: d.plan };
});

const broadcastDone = topic<BroadcastDone>('cohort.broadcast_done', (data) => {
  const d = data as Partial<BroadcastDone> | null;
  if (!d || typeof d.requestId !== 'string') return null;
  return { requestId: d.requestId, done: boardIds(d.done), failed: boardIds(d.failed) };
});

/**
 * A cohort broadcast's boards that other nodes own (distributed mode): the node that took the
 * request sends the resolved plan (ids and a banner of at most 280 characters, far under the
 * event size limit) on the event bus; each node writes it into the boards it owns, through its
 * own live rooms as for a local broadcast, and answers which it wrote. Boards nobody answered
 * for within REMOTE_BROADCAST_TIMEOUT_MS count as failed (the trainer can broadcast again).
 */
export class RemoteBroadcasts {
  private readonly waiting = new Map<string, (done: BroadcastDone) => void>();
  private readonly detach: (() => void)[];

  constructor(
    private readonly events: EventBus,
    readonly placement: BoardPlacement,
    private readonly relay: Relay,
    private readonly logger: Logger,
    private readonly timeoutMs = REMOTE_BROADCAST_TIMEOUT_MS,
  ) {
    this.detach = [
      events.subscribe(broadcastRequested, (request) => void this.applyOwned(request)),
      events.subscribe(broadcastDone, (done) => this.waiting.get(done.requestId)?.(done)),
    ];
  }

  /** Has the owners of `boards` write `plan`; resolves with the boards that were not written. */
  async send(templateId: string, boards: string[], plan: Plan): Promise<string[]> {
    const requestId = randomBytes(9).toString('base64url');
    const pending = new Set(boards);
    const failed = new Set<string>();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, this.timeoutMs);
      const self = this;
      function finish() {
        clearTimeout(timer);
        self.waiting.delete(requestId);
        resolve();
      }
      this.waiting.set(requestId, (done) => {
        for (const b of done.done) pending.delete(b);
        for (const b of done.failed) if (pending.delete(b)) failed.add(b);
        if (pending.size === 0) finish();
      });
      this.events.publish(broadcastRequested, { requestId, templateId, boards, plan });
    });
    return [...failed, ...pending];
  }

  /** Another node took a broadcast: write it into the boards this node owns, and say which. */
  private async applyOwned(request: BroadcastRequest): Promise<void> {
    const owners = await Promise.all(request.boards.map((b) => this.placement.ownerOf(b).catch(() => 'none' as const)));
    const mine = request.boards.filter((_, i) => owners[i] === 'here');
    if (mine.length === 0) return;
    const steps = getTemplate(request.templateId)?.steps ?? [];
    const outcomes = await Promise.allSettled(mine.map((b) => this.relay.editControlDoc(b, (doc) => applyBroadcast(doc, request.plan, steps))));
    const done: string[] = [];
    const failed: string[] = [];
    outcomes.forEach((o, i) => {
      if (o.status === 'fulfilled') done.push(mine[i]);
      else {
        failed.push(mine[i]);
        this.logger.warn('cohort.broadcast.failed', { board: mine[i], error: o.reason });
      }
    });
    this.events.publish(broadcastDone, { requestId: request.requestId, done, failed });
  }

  close(): void {
    for (const d of this.detach) d();
    for (const resolve of this.waiting.values()) resolve({ requestId: '', done: [], failed: [] });
  }
}
