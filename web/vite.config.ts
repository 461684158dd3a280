// Builds the static files `lode serve` serves. Output: ../build/web (or LODE_WEB_OUT, or
// `vite build --outDir DIR`). Absolute asset paths (/assets/…), because pages live at nested
// paths such as /doc/eo:14017.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.LODE_WEB_OUT ?? '../build/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
});
