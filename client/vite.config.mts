import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web app, built into client/dist and served by the API server (server/http/webApp.ts).
// JSX is compiled by Vite's own transformer (React 17+ automatic runtime); no plugin is needed for a build.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // Libraries' "use client" lines mean nothing in a plain browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // ECharts changes rarely and only the dashboard needs it. Other libraries are split with the pages
        // that use them (no single vendor chunk): the catalogue, a phone's first page, loads only its own.
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } } },
});
