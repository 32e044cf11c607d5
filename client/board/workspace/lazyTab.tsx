import { LazyPart } from '../../components/LazyChunk';
import type { PanelTab } from './PanelTabs';

/**
 * A tab whose content is in a chunk (`lazyChunk`): downloaded when the tab is first opened (or
 * pointed at: `prefetch`), with a loading line in the panel meanwhile. The board's first screen
 * (canvas, palette, steps, Details) does not wait for it; the service worker keeps every chunk for
 * offline use (client/sw/).
 */
export function lazyTab(id: string, label: string, chunk: { prefetch(): void }, content: React.ReactNode): PanelTab {
  return {
    id,
    label,
    prefetch: chunk.prefetch,
    content: (
      <LazyPart what={`The ${label} tab`} loading={`Loading ${label.toLowerCase()}…`}>
        {content}
      </LazyPart>
    ),
  };
}
