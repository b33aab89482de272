import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The analyst UI is a static bundle served by `sitrep serve`: relative asset paths (base './')
// so it works under any mount point, and every asset (world map included) inside web/dist.
export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // The map data is large; a separate chunk keeps the first paint light.
    assetsInlineLimit: 0,
  },
  server: {
    // `vite --config web/vite.config.ts` during development: API calls go to a running `sitrep serve`.
    proxy: { '/api': process.env.SITREP_API ?? 'http://127.0.0.1:8080' },
  },
});
