/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** tldraw licence key, baked in at build time. Required for https deployments on a real host. */
  readonly VITE_TLDRAW_LICENSE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
