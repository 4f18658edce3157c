import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves web/dist at / in production; in development Vite serves the app and
// forwards /api to the server so the session cookie stays same-origin.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; an admin app loaded once per session can afford it.
    chunkSizeWarningLimit: 2000,
  },
});
