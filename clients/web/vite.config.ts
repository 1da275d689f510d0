import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes file.gz and file.br next to each text file of the build, so that a server can send them
 * as they are (Content-Encoding) without compressing on every request. Phones on slow links gain most.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kg-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const file = join(dir, name);
          if (statSync(file).isDirectory()) walk(file);
          else if (/\.(js|css|html|svg|json)$/.test(name)) {
            const data = readFileSync(file);
            if (data.length < 1024) continue;
            writeFileSync(file + '.gz', gzipSync(data, { level: 9 }));
            writeFileSync(file + '.br', brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          }
        }
      };
      walk(outDir);
    },
  };
}

// The built app (dist/) is served by the gateway at `/`, with /graphql on the same origin.
// In development `vite` proxies /graphql to the gateway.
export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Old, cheap Android phones: keep the syntax to what Chrome 87 / Safari 14 understand.
    target: ['es2020', 'chrome87', 'safari14', 'firefox78'],
    sourcemap: false,
    assetsInlineLimit: 2048,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: process.env.GATEWAY_URL || 'http://localhost:4000', changeOrigin: true, ws: true },
    },
  },
});
