import { useValue } from 'tldraw';
import type { ItemTypeDef } from '../../../exercises/kit/definitions';
import { paletteOf } from '../shapes/cardColors';
import { createItem, zoneBounds } from '../cards/cardEdits';
import { zoneForNewCard, zoneTakes } from '../cards/cardZone';
import { useWorkspace } from './WorkspaceState';

/** Longest word (in letters) a palette button half the panel wide shows unbroken. */
const LONGEST_WORD_IN_TWO_COLUMNS = 7;

/**
 * The exercise's item types as buttons. A new card goes into the current step's zone when that
 * zone takes its type, else into the first zone that does (first free slot), else into the middle
 * of the view; it is selected and its first field focused.
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
  // Two buttons a row, unless a label has a word too long for half the panel ("Stakeholder"):
  // then one a row, so no word is broken.
  const oneColumn = exercise.itemTypes.some((def) => def.label.split(/\s+/).some((word) => word.length > LONGEST_WORD_IN_TWO_COLUMNS));

  const add = (def: ItemTypeDef) => {
    const target = zoneForNewCard(exercise.template, zone?.id, def.type, (id) => !!zoneBounds(editor, id));
    const id = createItem(editor, def, { author: author(), zoneId: target?.id ?? null, lastCreatedId: ui.lastCreatedId });
    ui.lastCreatedId = id;
    ui.requestFocus(id);
  };

  return (
    <section className="panel-section" aria-labelledby="palette-heading" data-testid="palette">
      <h2 id="palette-heading">Add a card</h2>
      <p className="hint palette-target">
        New cards go {zone ? <>into <strong>{zone.label}</strong></> : 'to the middle of your view'}
        {exercise.template.zones.some((z) => z.itemTypes) ? ', or into the zone meant for their type' : ''}.
      </p>
      <ul className={oneColumn ? 'palette palette-one-column' : 'palette'}>
        {exercise.itemTypes.map((def) => {
          const palette = paletteOf(def.color);
          return (
            <li key={def.type}>
              <button
                type="button"
                className="palette-button"
                data-item-type={def.type}
                title={def.description}
                aria-description={`${def.description}${zone && !zoneTakes(zone, def.type) ? ' Goes into its own zone.' : ''}`}
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
