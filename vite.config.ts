import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './': the build loads from app://vanthu/ inside Electron and from / in browser mode.
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
    // The backend answers only its own Host and Origin (electron/http.ts): the dev proxy speaks as it.
    proxy: {
      '/api': {
        target: 'http://127.0.0.1:5180',
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (req) => req.setHeader('origin', 'http://127.0.0.1:5180')),
      },
    },
  },
});
