import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Two entries, two bundles: the public portal stays small; the console carries Ant Design and ECharts.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts: the server's CSP allows only 'self'.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { portal: `${root}portal/index.html`, console: `${root}console/index.html` },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
