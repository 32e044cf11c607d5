// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { atom } from 'tldraw';
import { Awareness } from 'y-protocols/awareness';
import { seedBoardDoc } from '../../../shared/doc/boardDoc';
import type { Role } from '../../../shared/roles';
import { blank } from '../../../exercises/blank';
import { exerciseRecords } from '../../../exercises/kit/seed';
import { boardSchema } from '../../../exercises/registry';
import type { BoardInfo } from '../../lib/api';
import type { ServerClock } from '../../lib/serverClock';
import type { BoardConnection } from './boardConnection';
import type { ControlConnection } from './ControlConnection';
import { OpenBoard, type OpenBoardParts } from './openBoard';

/**
 * What an open board opens, in what order, and what it closes, through fakes of its parts: the
 * board connection (its doc, a provider that says when the server's copy arrived, the local
 * copy), the control connection, the server clock and the voter key.
 */

/** Everything the fakes were asked to do, in order. */
type Log = string[];

/** The board's socket as OpenBoard uses it: the doc, sync events, state atoms, destroy. */
function fakeConnection(log: Log, withLocalCopy = false) {
  const doc = new Y.Doc();
  const listeners = new Set<(synced: boolean) => void>();
  const local = withLocalCopy
    ? { state: atom<'loading' | 'loaded' | 'failed'>('localState', 'loading'), destroy: () => log.push('local copy closed') }
    : null;
  const conn = {
    boardId: 'B1',
    doc,
    local,
    state: atom('connectionState', 'connecting'),
    terminal: atom('terminal', null),
    hasSynced: atom('hasSynced', false),
    save: atom('save', { unsaved: false, pending: 0, earlier: false }),
    readOnly: null as boolean | null,
    provider: {
      synced: false,
      awareness: new Awareness(doc),
      on: (_event: 'sync', f: (synced: boolean) => void) => listeners.add(f),
      off: (_event: 'sync', f: (synced: boolean) => void) => listeners.delete(f),
      disconnect: () => log.push('stopped talking to the server'),
    },
    setReadOnly(readOnly: boolean) {
      conn.readOnly = readOnly;
    },
    voterKey: () => Promise.resolve('voter-key'),
    destroy: () => log.push('board connection closed'),
    /** The server's copy arrived (y-websocket's `sync` event). */
    serverSynced() {
      conn.provider.synced = true;
      conn.hasSynced.set(true);
      for (const f of [...listeners]) f(true);
    },
    listenerCount: () => listeners.size,
  };
  return conn;
}

type FakeConnection = ReturnType<typeof fakeConnection>;

function fakeParts(log: Log, conn: FakeConnection): OpenBoardParts {
  return {
    connect: (boardId) => {
      log.push(`board connection opened for ${boardId}`);
      return conn as unknown as BoardConnection;
    },
    control: (info, token) => {
      log.push(`control connection opened for ${info.id} with ${token} as ${info.role}`);
      return { canControl: info.role === 'facilitator', destroy: () => log.push('control connection closed') } as unknown as ControlConnection;
    },
    clock: () => {
      log.push('clock started');
      return { now: () => Date.now(), dispose: () => log.push('clock stopped') } as unknown as ServerClock;
    },
    voterKey: (boardId) => {
      log.push(`voter key lent for ${boardId}`);
      return () => log.push('voter key taken back');
    },
  };
}

function boardInfo(role: Role): BoardInfo {
  return { id: 'B1', title: 'Board', region: 'R', sector: 'S', templateId: 'blank', templateVersion: blank.template.version, createdAt: '2026-01-01T00:00:00.000Z', role };
}

/** Writes a whole board into the doc, as the server's first sync (or the local copy) would. */
function seedBlankBoard(doc: Y.Doc) {
  seedBoardDoc(doc, { id: 'B1', title: 'Board', region: 'R', sector: 'S', createdAt: '2026-01-01T00:00:00.000Z' }, blank.template, boardSchema(), exerciseRecords(blank));
}

let opened: OpenBoard[] = [];
function open(role: Role, options: { withLocalCopy?: boolean; connectionGiven?: boolean } = {}) {
  const log: Log = [];
  const conn = fakeConnection(log, options.withLocalCopy);
  const board = new OpenBoard(boardInfo(role), 'tok', options.connectionGiven ? (conn as unknown as BoardConnection) : null, fakeParts(log, conn));
  opened.push(board);
  return { board, conn, log };
}

afterEach(() => {
  for (const b of opened) b.destroy();
  opened = [];
});

describe('OpenBoard', () => {
  it('opens the board connection, lends it the voter key, then opens the control connection and the clock', () => {
    const { log } = open('editor');
    expect(log).toEqual(['board connection opened for B1', 'voter key lent for B1', 'control connection opened for B1 with tok as editor', 'clock started']);
  });

  it('takes over a connection the page opened early instead of opening another', () => {
    const { board, conn, log } = open('editor', { connectionGiven: true });
    expect(board.conn).toBe(conn);
    expect(log).not.toContain('board connection opened for B1');
  });

  it('makes a viewer read-only, down to its connection, and an editor writable', () => {
    const viewer = open('viewer');
    expect(viewer.conn.readOnly).toBe(true);
    expect(viewer.board.readOnly.get()).toBe(true);
    const editor = open('editor');
    expect(editor.conn.readOnly).toBe(false);
    expect(editor.board.readOnly.get()).toBe(false);
  });

  it('shows nothing until the server’s copy arrives, then builds the store from it', () => {
    const { board, conn } = open('editor');
    expect(board.phase.get()).toEqual({ kind: 'connecting' });
    expect(board.store).toBeNull();
    expect(board.source.get()).toBe('none');

    seedBlankBoard(conn.doc);
    conn.serverSynced();
    expect(board.phase.get()).toEqual({ kind: 'ready' });
    expect(board.store).not.toBeNull();
    expect(board.source.get()).toBe('server');
    expect(board.syncedAndShown.get()).toBe(true);
    // The template's zones are on the canvas.
    const zones = board.store!.allRecords().filter((r) => r.typeName === 'shape' && (r as { type: string }).type === 'pb-zone');
    expect(zones.length).toBe(blank.template.zones.length);
  });

  it('says the board is empty and stops talking to the server when the server sends no board', () => {
    const { board, conn, log } = open('editor');
    conn.serverSynced();
    expect(board.phase.get()).toEqual({ kind: 'empty' });
    expect(board.store).toBeNull();
    expect(board.syncedAndShown.get()).toBe(false);
    expect(log).toContain('stopped talking to the server');
  });

  it('opens from this browser’s copy before the server answers, and says so', () => {
    const { board, conn } = open('editor', { withLocalCopy: true });
    seedBlankBoard(conn.doc);
    conn.local!.state.set('loaded');
    expect(board.phase.get()).toEqual({ kind: 'ready' });
    expect(board.source.get()).toBe('local');
    expect(board.syncedAndShown.get()).toBe(false);
    conn.serverSynced();
    expect(board.source.get()).toBe('server');
    expect(board.syncedAndShown.get()).toBe(true);
  });

  it('waits for the server when this browser’s copy holds no board', () => {
    const { board, conn } = open('editor', { withLocalCopy: true });
    conn.local!.state.set('loaded');
    expect(board.phase.get()).toEqual({ kind: 'connecting' });
    expect(board.store).toBeNull();
  });

  it('closes what was built on it first (last added first), then the voter key, the board connection, the control connection and the clock', () => {
    const { board, conn, log } = open('editor');
    board.onClose(() => log.push('first feature closed'));
    board.onClose(() => log.push('second feature closed'));
    log.length = 0;
    board.destroy();
    expect(log).toEqual(['second feature closed', 'first feature closed', 'voter key taken back', 'board connection closed', 'control connection closed', 'clock stopped']);
    expect(conn.listenerCount()).toBe(0);
  });

  it('closes once, and closes at once what is added after it closed', () => {
    const { board, log } = open('editor');
    board.destroy();
    const closedOnce = log.length;
    board.destroy();
    expect(log.length).toBe(closedOnce);
    board.onClose(() => log.push('late feature closed'));
    expect(log.at(-1)).toBe('late feature closed');
  });

  it('builds no store when the server’s copy arrives after it closed', () => {
    const { board, conn } = open('editor');
    board.destroy();
    seedBlankBoard(conn.doc);
    conn.serverSynced();
    expect(board.store).toBeNull();
  });
});
