import { useValue } from 'tldraw';
import type { ItemTypeDef } from '../../../exercises/kit/definitions';
import { paletteOf } from '../shapes/cardColors';
import { createItem, zoneBounds } from './boardActions';
import { useWorkspace } from './WorkspaceState';

/**
 * The exercise's item types as buttons. A new card goes into the current step's zone (first free
 * slot) or, without one, into the middle of the view; it is selected and its first field focused.
 */
export function PalettePanel() {
  const { editor, exercise, ui, author } = useWorkspace();
  const current = useValue('currentStep', () => ui.currentStep.get(), [ui]);
  const step = exercise.template.steps[current];
  const zone = useValue(
    'paletteZone',
    () => {
      const z = step?.zoneId ? exercise.template.zones.find((t) => t.id === step.zoneId) : undefined;
      return z && zoneBounds(editor, z.id) ? z : undefined;
    },
    [editor, exercise, step],
  );
  if (exercise.itemTypes.length === 0) return null;

  const add = (def: ItemTypeDef) => {
    const id = createItem(editor, def, { author: author(), zoneId: zone?.id ?? null, lastCreatedId: ui.lastCreatedId });
    ui.lastCreatedId = id;
    ui.requestFocus(id);
  };

  return (
    <section className="panel-section" aria-labelledby="palette-heading" data-testid="palette">
      <h2 id="palette-heading">Add a card</h2>
      <p className="hint palette-target">
        New cards go {zone ? <>into <strong>{zone.label}</strong></> : 'to the middle of your view'}.
      </p>
      <ul className="palette">
        {exercise.itemTypes.map((def) => {
          const palette = paletteOf(def.color);
          return (
            <li key={def.type}>
              <button
                type="button"
                className="palette-button"
                data-item-type={def.type}
                title={def.description}
                aria-description={def.description}
                onClick={() => add(def)}
              >
                <span className="swatch" style={{ background: palette.header, borderColor: palette.border }} aria-hidden="true" />
                <span>{def.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
