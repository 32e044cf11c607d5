import type { Role } from '../roles';

/** One template as listed by `GET /api/templates`. */
export interface TemplateListing {
  id: string;
  title: string;
  purpose: string;
  version: number;
  variants: { id: string; title: string }[];
  steps: { id: string; title: string; prompt: string; minutes: number; zoneId?: string }[];
}

/** `POST /api/boards`: the body, as its schema (boardRequests.ts) reads it. */
export type { CreateBoardRequest } from './boardRequests';

/** A board's three links, one per role. */
export type BoardLinks = Record<Role, string>;

/** `POST /api/boards` answer. */
export interface CreateBoardResponse {
  id: string;
  links: BoardLinks;
}

/** `GET /api/boards/<id>?token=` */
export interface BoardInfo {
  id: string;
  title: string;
  region: string;
  sector: string;
  templateId: string;
  templateVersion: number;
  variant?: string;
  createdAt: string;
  role: Role;
  /** Time of the board's last stored change (ISO), null when it never changed. */
  lastActivity?: string | null;
}
