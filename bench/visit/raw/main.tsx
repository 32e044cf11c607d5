/**
 * The benchmark's baseline: tldraw as its own docs set it up, nothing else. The shapes come
 * from /shapes.json (the same records the board holds) and are put in the store before the
 * editor mounts; `window.__raw.editor` is what the benchmark measures, like `window.__board`.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { createRoot } from 'react-dom/client';
import { createTLStore, type Editor, type TLRecord, Tldraw } from 'tldraw';
import 'tldraw/tldraw.css';

declare global {
  interface Window {
    __raw?: { editor: Editor };
  }
}

const assetUrls = getAssetUrlsByImport();

async function main() {
  const records = (await (await fetch('/shapes.json')).json()) as TLRecord[];
  const store = createTLStore();
  store.put(records);
  createRoot(document.getElementById('root')!).render(
    <Tldraw
      store={store}
      assetUrls={assetUrls}
      onMount={(editor) => {
        window.__raw = { editor };
      }}
    />,
  );
}

void main();
