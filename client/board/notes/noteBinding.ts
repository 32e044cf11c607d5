import {
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  REDO_COMMAND,
  SKIP_COLLAB_TAG,
  UNDO_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import {
  createUndoManager,
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
  type UserState,
} from '@lexical/yjs';
import * as Y from 'yjs';

/**
 * Binds a Lexical editor to one note of the board's Y.Doc (a top-level Y.XmlText, see
 * shared/doc/docLayout.ts `noteName`) with @lexical/yjs, the same way @lexical/react's V1
 * CollaborationPlugin does (`createYjsBinding` with `rootName`, `syncLexicalUpdateToYjs`,
 * `syncYjsChangesToLexical`, `createUndoManager`), with two differences:
 *
 *  - The note is loaded from the doc when the binding is made. The plugin only builds the editor
 *    from Yjs *events* (facebook/lexical#4999), which suits a fresh Y.Doc per editor that its
 *    provider fills; ours is the board's doc, synced long before the Notes tab opens, so the
 *    plugin would show an empty note until someone typed.
 *  - Nothing is connected, disconnected or bootstrapped: the board's one y-websocket provider
 *    (client/board/sync/openBoard.ts) carries the doc. The `provider` @lexical/yjs wants is only used
 *    for selection awareness, so it gets `createLocalNoteProvider`: a local awareness nobody else
 *    sees (no remote text cursors), which leaves our presence state alone.
 *
 * No bootstrap: an empty note stays an empty Y.XmlText until a person writes (Lexical wraps the
 * first typed text in a paragraph itself; the toolbar and "Answer in notes" add their blocks).
 * So two people opening an empty note never both insert a first paragraph.
 *
 * Undo: a Y.UndoManager on the note's root tracking only this binding's transactions (and local
 * ones without origin), so Ctrl+Z never undoes what others typed. No HistoryPlugin.
 */

export interface NoteBindingHandle {
  binding: Binding;
  undoManager: Y.UndoManager;
  dispose(): void;
}

/** An awareness only this editor sees. @lexical/yjs writes the selection into it. */
class LocalAwareness {
  private state: UserState | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clientID: number) {}

  getLocalState(): UserState | null {
    return this.state;
  }

  getStates(): Map<number, UserState> {
    return this.state ? new Map([[this.clientID, this.state]]) : new Map();
  }

  setLocalState(state: UserState | null): void {
    this.state = state;
    for (const l of this.listeners) l();
  }

  setLocalStateField(field: string, value: unknown): void {
    if (this.state) this.setLocalState({ ...this.state, [field]: value });
  }

  on(_type: 'update', cb: () => void): void {
    this.listeners.add(cb);
  }

  off(_type: 'update', cb: () => void): void {
    this.listeners.delete(cb);
  }
}

/** The `Provider` @lexical/yjs asks for: a local awareness, and no network of its own. */
export function createLocalNoteProvider(doc: Y.Doc): Provider {
  return {
    awareness: new LocalAwareness(doc.clientID),
    connect() {},
    disconnect() {},
    on() {},
    off() {},
  };
}

/** Every shared type inside a note (elements, text property maps, line breaks, decorators). */
function forEachSharedType(type: Y.XmlText | Y.XmlElement | Y.Map<unknown>, visit: (t: object) => void): void {
  visit(type);
  if (type instanceof Y.XmlText) {
    for (const op of type.toDelta() as { insert?: unknown }[]) {
      const child = op.insert;
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement || child instanceof Y.Map) forEachSharedType(child, visit);
    }
    // Attributes may hold shared types too (node state, named slots).
    for (const value of Object.values(type.getAttributes())) {
      if (value instanceof Y.Map || value instanceof Y.XmlText || value instanceof Y.XmlElement) forEachSharedType(value, visit);
    }
  }
}

/**
 * Forgets the collab nodes an earlier binding cached on the note's shared types
 * (`sharedType._collabNode`). A binding reuses a cached node with its old children and text, so
 * loading the note into a new editor (the editor is remounted for every step change) would
 * duplicate them.
 */
function forgetCollabNodes(root: Y.XmlText): void {
  forEachSharedType(root, (t) => {
    delete (t as { _collabNode?: unknown })._collabNode;
  });
}

export interface BindNoteOptions {
  /** The Yjs provider @lexical/yjs reads awareness from; a local one by default. */
  provider?: Provider;
  /**
   * True while this person may not write (viewer link, terminal close): the editor still shows
   * every change, but nothing it does on its own (Lexical's normalisations, the empty paragraph
   * @lexical/yjs adds to a note left without blocks) goes into the doc.
   */
  readOnly?: () => boolean;
}

/** Binds `editor` to the note `rootName` of `doc` and loads it. Call `dispose` when the editor goes. */
export function bindNoteEditor(editor: LexicalEditor, doc: Y.Doc, rootName: string, options: BindNoteOptions = {}): NoteBindingHandle {
  const provider = options.provider ?? createLocalNoteProvider(doc);
  const readOnly = options.readOnly ?? (() => false);
  const root = doc.get(rootName, Y.XmlText) as Y.XmlText;
  forgetCollabNodes(root);
  const docMap = new Map([[rootName, doc]]);
  const binding = createYjsBinding({ editor, id: rootName, doc, docMap, rootName });

  // The note as it is now; later changes arrive as events.
  editor.update(
    () => {
      binding.root.applyChildrenYjsDelta(binding, root.toDelta());
      binding.root.syncChildrenFromYjs(binding);
    },
    { tag: COLLABORATION_TAG, skipTransforms: true, discrete: true },
  );

  const onYjsChanges = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events as never, transaction.origin instanceof Y.UndoManager);
  };
  root.observeDeep(onYjsChanges);

  const undoManager = createUndoManager(binding, root);
  const canUndoRedo = () => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undoManager.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, undoManager.redoStack.length > 0);
  };
  undoManager.on('stack-item-added', canUndoRedo);
  undoManager.on('stack-item-popped', canUndoRedo);
  undoManager.on('stack-cleared', canUndoRedo);

  const unregister = mergeRegister(
    editor.registerUpdateListener(({ prevEditorState, editorState, dirtyLeaves, dirtyElements, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG) || readOnly()) return;
      syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    }),
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        undoManager.undo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        undoManager.redo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );

  let disposed = false;
  return {
    binding,
    undoManager,
    dispose() {
      if (disposed) return;
      disposed = true;
      unregister();
      root.unobserveDeep(onYjsChanges);
      undoManager.off('stack-item-added', canUndoRedo);
      undoManager.off('stack-item-popped', canUndoRedo);
      undoManager.off('stack-cleared', canUndoRedo);
      undoManager.destroy();
      binding.root.destroy(binding);
    },
  };
}
