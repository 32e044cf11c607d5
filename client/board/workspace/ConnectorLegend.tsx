import { getColorValue, useValue } from 'tldraw';
import { connectorLook, labelFieldKeys } from '../../../exercises/kit/connectorLook';
import { useWorkspace } from './WorkspaceState';

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '7 5', dotted: '1.5 4.5' };

/** A short line in a kind's look: colour, dash and arrowheads, as the canvas draws it. */
function LineSample({ color, dash, arrowheads }: { color: string; dash: string; arrowheads: string }) {
  return (
    <svg className="legend-line" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true" focusable="false">
      <line x1="4" y1="7" x2="40" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray={DASH[dash]} strokeLinecap="round" />
      {arrowheads !== 'none' && <path d="M33 2 L41 7 L33 12" fill="none" stroke={color} strokeWidth="2.5" strokeLinejoin="round" strokeLinecap="round" />}
      {arrowheads === 'both' && <path d="M11 2 L3 7 L11 12" fill="none" stroke={color} strokeWidth="2.5" strokeLinejoin="round" strokeLinecap="round" />}
    </svg>
  );
}

/**
 * The exercise's kinds of connection as the canvas draws them, with what each is for and what its
 * label shows. In the left panel, under the steps.
 */
export function ConnectorLegend() {
  const { editor, exercise } = useWorkspace();
  const colors = useValue('legendColors', () => editor.getCurrentTheme().colors[editor.getColorMode()], [editor]);
  const kinds = exercise.connectorKinds;
  if (kinds.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="legend-heading" data-testid="connector-legend">
      <h2 id="legend-heading">Connections</h2>
      <p className="hint">Draw an arrow between two cards (or use “Connect to…” on a card), then pick its kind.</p>
      <ul className="legend">
        {kinds.map((k) => {
          const look = connectorLook(kinds, k.kind);
          if (!look) return null;
          const shown = labelFieldKeys(k)
            .map((key) => k.fields.find((f) => f.key === key)?.label)
            .filter(Boolean);
          return (
            <li key={k.kind} data-kind={k.kind}>
              <LineSample color={getColorValue(colors, look.color, 'solid')} dash={look.dash} arrowheads={look.arrowheads} />
              <span>
                <strong>{k.label}</strong>
                <span className="hint legend-description">
                  {k.description}
                  {shown.length > 0 ? ` Its label shows: ${shown.join(', ').toLowerCase()}.` : ''}
                </span>
              </span>
            </li>
          );
        })}
        <li data-kind="">
          <LineSample color="#1d2433" dash="solid" arrowheads="end" />
          <span>
            <strong>Free arrow</strong>
            <span className="hint legend-description">Any other arrow: a drawing, not counted in the results.</span>
          </span>
        </li>
      </ul>
    </section>
  );
}
