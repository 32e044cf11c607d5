import { useValue, type Editor } from 'tldraw';
import type { Role } from '../../shared/roles';
import type { BoardInfo } from '../lib/api';
import type { LocalUser } from '../lib/user';
import type { OpenBoard } from './sync/openBoard';
import type { BoardFeature, TopBarEnv } from './workspace/boardFeature';

const ROLE_LABEL: Record<Role, string> = {
  facilitator: 'Facilitator',
  editor: 'Editor',
  viewer: 'View only',
};

const STATE_LABEL = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
} as const;

function ConnectionIndicator({ openBoard }: { openBoard: OpenBoard }) {
  const state = useValue('connState', () => openBoard.conn.state.get(), [openBoard]);
  const save = useValue('saveState', () => openBoard.conn.save.get(), [openBoard]);
  const readOnly = useValue('readOnly', () => openBoard.readOnly.get(), [openBoard]);
  const source = useValue('boardSource', () => openBoard.source.get(), [openBoard]);
  const kept = useValue('localCopy', () => openBoard.conn.local?.state.get() === 'loaded', [openBoard]);
  const showSave = !readOnly || save.unsaved;
  const count = `${save.pending} unsaved change${save.pending === 1 ? '' : 's'}`;
  const saveLabel = !save.unsaved
    ? 'All changes saved'
    : save.earlier
      ? save.pending > 0
        ? `${count}, and earlier ones not confirmed yet`
        : 'Changes from an earlier visit not confirmed yet'
      : save.pending > 0
        ? count
        : 'Unsaved changes';
  const saveHint = save.unsaved
    ? kept
      ? 'Kept in this browser and sent to the server when the connection is back.'
      : 'Sent to the server when the connection is back; keep this page open until then.'
    : 'The server has stored every change.';
  return (
    <div
      className="conn"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="connection-status"
      data-state={state}
      data-unsaved={save.unsaved ? 'true' : 'false'}
      data-source={source}
    >
      <span className={`conn-dot conn-${state}`} aria-hidden="true" />
      <span className="conn-state">{STATE_LABEL[state]}</span>
      {source === 'local' && (
        <>
          <span className="sep conn-source-sep" aria-hidden="true">
            ·
          </span>
          <span
            className="conn-source"
            data-testid="source-status"
            title="The server has not answered yet: this is the board as this browser last saw it, with your changes since."
          >
            {/* The long form is always read; narrow bars show the short one instead. */}
            <span className="conn-source-long">showing the copy saved in this browser</span>
            <span className="conn-source-short" aria-hidden="true">
              copy in this browser
            </span>
          </span>
        </>
      )}
      {showSave && (
        <>
          <span className="sep" aria-hidden="true">
            ·
          </span>
          <span className={save.unsaved ? 'conn-unsaved' : 'conn-saved'} data-testid="save-status" title={saveHint}>
            {saveLabel}
          </span>
        </>
      )}
    </div>
  );
}

export interface TopBarProps {
  info: BoardInfo;
  openBoard: OpenBoard | null;
  user: LocalUser;
  onChangeName(): void;
  token: string;
  /** The editor while the board is shown, else null (the menus' TopBarEnv). */
  editor: Editor | null;
  /** The board's features: their top-bar menus are shown in this order. */
  features: readonly BoardFeature[];
}

export function TopBar({ info, openBoard, user, onChangeName, token, editor, features }: TopBarProps) {
  const people = useValue('people', () => openBoard?.people.get() ?? 0, [openBoard]);
  const env: TopBarEnv = { info, token, editor, people };
  const subtitle = [info.region, info.sector].filter(Boolean).join(' · ');
  return (
    <header className="topbar">
      <a className="topbar-home" href="/">
        <span aria-hidden="true">◧</span>
        <span className="visually-hidden">Home: all boards</span>
      </a>
      <div className="topbar-title">
        <h1 title={info.title}>{info.title}</h1>
        {subtitle && (
          <p className="topbar-sub" title={subtitle}>
            {subtitle}
          </p>
        )}
      </div>
      <span className={`badge role-${info.role}`} data-testid="role-badge" data-role={info.role}>
        {ROLE_LABEL[info.role]}
      </span>
      <div className="topbar-spacer" />
      {openBoard && <ConnectionIndicator openBoard={openBoard} />}
      {features.map((f) => f.TopBarMenu && <f.TopBarMenu key={f.id} env={env} />)}
      <button
        type="button"
        className="button ghost user-button"
        onClick={onChangeName}
        data-testid="user-name"
        aria-label={user.name ? `You are ${user.name}. Change your name` : 'Set your name'}
      >
        <span className="user-swatch" style={{ background: user.color }} aria-hidden="true" />
        {user.name || 'Set your name'}
      </button>
    </header>
  );
}
