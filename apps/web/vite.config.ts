import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

/** Where `npm run dev` sends /api and /ws; the API listens on 8080 by default. */
const apiTarget = process.env.DNB_API_PROXY_TARGET ?? 'http://127.0.0.1:8080';

/**
 * index.html also preloads the dashboard page's chunks, so they download beside the entry instead
 * of after it has run (most loads land on the dashboard; sign-in leads there too).
 */
function preloadPage(page: string): Plugin {
  const pageFile = fileURLToPath(new URL(page, import.meta.url));
  return {
    name: 'dnb-preload-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = new Map(
          Object.values(bundle ?? {})
            .filter((output): output is Rolldown.OutputChunk => output.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        );
        const root = [...chunks.values()].find((chunk) => chunk.facadeModuleId === pageFile);
        if (!root) throw new Error(`preloadPage: no chunk for ${page}`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName) || html.includes(`/${fileName}"`)) return;
          files.add(fileName);
          chunks.get(fileName)?.imports.forEach(visit);
        };
        visit(root.fileName);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadPage('./src/app/routes/dashboard.tsx')],
  resolve: {
    alias: {
      // Bundle the shared contracts from source (types and pure constants only).
      '@dnb/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/ws': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget },
      '/ws': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the served bundle (the API serves dist publicly); enable locally when needed.
    sourcemap: false,
  },
});
