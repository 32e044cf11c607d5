import type { ReactNode } from 'react';
import { useValue } from 'tldraw';
import type { Role } from '../../shared/roles';
import type { BoardInfo } from '../lib/api';
import type { LocalUser } from '../lib/user';
import type { BoardSession } from './session';
import { PeopleMenu } from './facilitation/PeopleMenu';

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

export function ConnectionIndicator({ session }: { session: BoardSession }) {
  const state = useValue('connState', () => session.conn.state.get(), [session]);
  const save = useValue('saveState', () => session.conn.save.get(), [session]);
  const readOnly = useValue('readOnly', () => session.readOnly.get(), [session]);
  const showSave = !readOnly || save.unsaved;
  const saveLabel = save.unsaved
    ? save.pending > 0
      ? `${save.pending} unsaved change${save.pending === 1 ? '' : 's'}`
      : 'Unsaved changes'
    : 'All changes saved';
  return (
    <div
      className="conn"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="connection-status"
      data-state={state}
      data-unsaved={save.unsaved ? 'true' : 'false'}
    >
      <span className={`conn-dot conn-${state}`} aria-hidden="true" />
      <span className="conn-state">{STATE_LABEL[state]}</span>
      {showSave && (
        <>
          <span className="sep" aria-hidden="true">
            ·
          </span>
          <span className={save.unsaved ? 'conn-unsaved' : 'conn-saved'} data-testid="save-status">
            {saveLabel}
          </span>
        </>
      )}
    </div>
  );
}

export interface TopBarProps {
  info: BoardInfo;
  session: BoardSession | null;
  user: LocalUser;
  onChangeName(): void;
  /** The board's Export menu (ExportMenu), shown beside the people count. */
  exportMenu?: ReactNode;
}

export function TopBar({ info, session, user, onChangeName, exportMenu }: TopBarProps) {
  const people = useValue('people', () => session?.people.get() ?? 0, [session]);
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
      {session && <ConnectionIndicator session={session} />}
      <PeopleMenu count={people} />
      {exportMenu}
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
