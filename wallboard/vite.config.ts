import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// `base: './'`: the built page works wherever it is served from (the server serves it at /wallboard/).
export default defineConfig(({ mode }) => {
  // `npm run dev` / `npm run preview` next to a running server: the hub is proxied to it
  // (WALLBOARD_SERVER, default the server's default address).
  const server = loadEnv(mode, process.cwd(), '')['WALLBOARD_SERVER'] || 'http://localhost:5080';
  return {
    base: './',
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2020',
      // A kiosk never opens dev tools: no source maps to ship.
      sourcemap: false,
    },
    server: {
      host: '127.0.0.1',
      proxy: { '/hubs': { target: server, ws: true } },
    },
    preview: {
      host: '127.0.0.1',
      proxy: { '/hubs': { target: server, ws: true } },
    },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  };
});
