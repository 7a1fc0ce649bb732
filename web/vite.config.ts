import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

import { buildOutline, outlineCodes } from './geo/outlines.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard map's region outlines (web/geo/outlines.ts): written into dist/web/geo/ at build, served from memory in dev. */
function geoOutlines(): Plugin {
  return {
    name: 'shouhu-geo-outlines',
    generateBundle() {
      for (const code of outlineCodes()) this.emitFile({ type: 'asset', fileName: `geo/${code}.json`, source: JSON.stringify(buildOutline(code)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const code = /^\/geo\/(\d{6})\.json$/.exec(req.url ?? '')?.[1];
        if (!code || !outlineCodes().includes(code)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(buildOutline(code)));
      });
    },
  };
}

// Two entries, two bundles: the public portal stays small; the console carries Ant Design and ECharts.
export default defineConfig({
  root,
  plugins: [react(), geoOutlines()],
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
