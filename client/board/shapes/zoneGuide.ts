import { atom, type Atom, type Editor } from 'tldraw';

/** What a zone shows under its label: the step that works in it and that step's prompt. */
export interface ZoneGuide {
  stepNumber: number;
  title: string;
  prompt: string;
}

const guides = new WeakMap<Editor, Atom<Readonly<Record<string, ZoneGuide>>>>();

/** The guides of an editor's zones, by zone id (set by the board's workspace, read by the zones). */
export function zoneGuides(editor: Editor): Atom<Readonly<Record<string, ZoneGuide>>> {
  let a = guides.get(editor);
  if (!a) {
    a = atom('zoneGuides', {});
    guides.set(editor, a);
  }
  return a;
}
