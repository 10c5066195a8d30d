import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@boussole/shared': path.resolve(__dirname, '../shared/src/index.ts') },
  },
  server: {
    proxy: {
      '/collab': { target: 'ws://127.0.0.1:8080', ws: true },
      '/api': 'http://127.0.0.1:8080',
    },
  },
  // @tldraw/assets is a list of asset imports: pre-bundling it would break their URLs.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
