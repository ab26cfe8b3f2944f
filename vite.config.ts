import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' so the build also loads from file:// inside Electron.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    port: 5181,
    proxy: { '/api': 'http://127.0.0.1:5180' },
  },
});
