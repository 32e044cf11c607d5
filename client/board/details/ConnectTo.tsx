import { useId, useState } from 'react';
import { useValue, type TLShapeId } from 'tldraw';
import { defaultFields } from '../../../exercises/kit/definitions';
import { ZONE_SHAPE_TYPE } from '../../../exercises/kit/shapes';
import { cardText } from '../shapes/ItemShapeUtil';
import { connectCards, isItemShape, itemDefOf } from '../cards/cardEdits';
import { connectorKindsFor } from './connectorChoices';
import { useWorkspace } from '../workspace/WorkspaceState';

interface Candidate {
  id: TLShapeId;
  type: string;
  title: string;
}

/**
 * "Connect to…": the keyboard's way to draw a connection. Lists the other cards of the selected
 * card's zone (or, for a card outside every zone, the cards outside every zone) and the connector
 * kinds that fit the two cards; "Connect" adds an arrow bound to both, and says so.
 */
export function ConnectTo({ id }: { id: TLShapeId }) {
  const { editor, exercise, author } = useWorkspace();
  const idBase = useId();
  const [target, setTarget] = useState('');
  const [kindChoice, setKindChoice] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  const candidatesKey = useValue(
    'connectCandidates',
    () => {
      const zones = editor
        .getCurrentPageShapes()
        .filter((s) => s.type === ZONE_SHAPE_TYPE)
        .map((s) => editor.getShapePageBounds(s))
        .filter((b) => !!b);
      const zoneOf = (shapeId: TLShapeId) => {
        const b = editor.getShapePageBounds(shapeId);
        if (!b) return -1;
        // The innermost (smallest) zone holding the card's centre, as the extraction decides.
        let best = -1;
        zones.forEach((z, i) => {
          if (z.containsPoint(b.center) && (best < 0 || z.w * z.h < zones[best].w * zones[best].h)) best = i;
        });
        return best;
      };
      const mine = zoneOf(id);
      const out: Candidate[] = [];
      for (const shape of editor.getCurrentPageShapes()) {
        if (shape.id === id || !isItemShape(shape) || zoneOf(shape.id) !== mine) continue;
        const def = itemDefOf(shape);
        if (!def) continue;
        const t = cardText(def, shape.props);
        out.push({ id: shape.id, type: def.type, title: `${def.label}: ${t.title || t.placeholder}` });
      }
      out.sort((a, b) => a.title.localeCompare(b.title));
      return JSON.stringify(out);
    },
    [editor, id],
  );
  const candidates = JSON.parse(candidatesKey) as Candidate[];
  const fromDef = itemDefOf(editor.getShape(id));
  const chosen = candidates.find((c) => c.id === target) ?? null;
  const choice = connectorKindsFor(exercise.connectorKinds, fromDef?.type ?? null, chosen?.type ?? null);
  const kinds = chosen ? choice.kinds : [];
  const kind = kindChoice === '' ? null : (kinds.find((k) => k.kind === kindChoice) ?? kinds[0] ?? null);

  if (candidates.length === 0) return null;
  const connect = () => {
    if (!chosen) return;
    const arrow = connectCards(editor, id, chosen.id, kind ? { kind: kind.kind, fields: defaultFields(kind.fields) } : null, author());
    if (arrow) setSaid(`Connected to ${chosen.title}${kind ? ` as ${kind.label}` : ''}.`);
  };

  return (
    <section className="insp-connect" aria-labelledby={`${idBase}-heading`} data-testid="connect-to">
      <h3 id={`${idBase}-heading`}>Connect to…</h3>
      <div className="insp-field">
        <label htmlFor={`${idBase}-target`}>Card in this zone</label>
        <select
          id={`${idBase}-target`}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setKindChoice(null);
            setSaid('');
          }}
          data-testid="connect-target"
        >
          <option value="">Choose a card…</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      {chosen && exercise.connectorKinds.length > 0 && (
        <div className="insp-field">
          <label htmlFor={`${idBase}-kind`}>Kind of connection</label>
          <select id={`${idBase}-kind`} value={kind?.kind ?? ''} onChange={(e) => setKindChoice(e.target.value)} data-testid="connect-kind">
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
            <option value="">none (free arrow)</option>
          </select>
        </div>
      )}
      <button type="button" className="button small secondary" disabled={!chosen} onClick={connect} data-testid="connect-button">
        Connect
      </button>
      <p className="hint" role="status" data-testid="connect-status">
        {said}
      </p>
    </section>
  );
}
