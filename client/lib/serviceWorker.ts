/**
 * Registers the app shell's service worker (client/sw/sw.js, emitted as /sw.js by production
 * builds), so the app opens without a connection. Browsers only allow it on https and localhost;
 * elsewhere the app still works online, and boards still keep their local copy.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch((e: unknown) => {
      console.warn('The app will not open offline: its service worker could not be registered', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
