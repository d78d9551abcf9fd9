import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { phonePrecache } from './vite-phone-precache';

const root = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.WENMING_API ?? 'http://localhost:3000';

/**
 * Vendor chunks of the desktop: the UI kit and the chart library each load on their own. The groups take only
 * the packages they name, so that the phone entry (antd-mobile, no antd, no echarts) never loads them: helpers
 * that antd and antd-mobile share (rc-field-form, classnames…) stay in chunks Rolldown splits by use.
 */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  // Small helpers both kits use: their own chunk, or the antd group (which also takes its packages' dependencies)
  // would pull the whole desktop kit into the phone.
  {
    name: 'ui-shared',
    test: /node_modules[\\/](dayjs|@babel[\\/]runtime|react-is|classnames|clsx|rc-util|tslib|use-sync-external-store)[\\/]/,
    priority: 35,
  },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design)[\\/]/, priority: 30 },
  { name: 'antd-mobile', test: /node_modules[\\/](antd-mobile|antd-mobile-icons)[\\/]/, priority: 20 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
];

/** In development, /m and /m/… are the phone entry (the server does the same in production). */
const phoneDevEntry: Plugin = {
  name: 'wenming-phone-dev-entry',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/m(\/[^.?]*)?(\?.*)?$/.test(req.url)) req.url = '/m/index.html';
      next();
    });
  },
};

export default defineConfig({
  root,
  plugins: [
    react(),
    phoneDevEntry,
    phonePrecache.plugin,
    VitePWA({
      // The phone app (/m/) registers the worker itself (workbox-window) and links its own manifest.
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      filename: 'sw.js',
      scope: '/',
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // Only what the phone entry can load is precached; the desktop's chunks stay out (see vite-phone-precache).
        manifestTransforms: [phonePrecache.transform],
        navigateFallback: '/m/index.html',
        navigateFallbackAllowlist: [/^\/m(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        runtimeCaching: [
          {
            // The reads a field worker needs offline (SPEC 3.5): who they are, today's plan and points, checklists,
            // categories, region outlines, their reports. Workbox copies this function's source into the worker,
            // so it names nothing from outside.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              url.origin === self.location.origin &&
              /^\/api\/v1\/(me|inspections\/today|inspections\/[0-9a-f-]{36}|points\/[0-9a-f-]{36}\/checklist|problem-categories|region-shapes|my\/problem-reports)$/.test(
                url.pathname,
              ),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'wenming-api',
              networkTimeoutSeconds: 6,
              expiration: { maxEntries: 400, maxAgeSeconds: 7 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|svg|json|webmanifest)$/,
      threshold: 512,
    }),
  ],
  resolve: {
    // npm hoists React 18 to the repository root for antd-mobile's react-spring peers, while this app
    // declares React 19 in apps/web/node_modules. Resolving React from this folder for every importer
    // keeps one copy (two copies break hooks at run time).
    dedupe: ['react', 'react-dom'],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/open311': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: process.env.WENMING_WEB_OUT ? path.resolve(process.env.WENMING_WEB_OUT) : path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Two entries: the desktop app, and the phone app under /m/ (antd-mobile only, offline-capable).
      input: { main: path.join(root, 'index.html'), phone: path.join(root, 'm/index.html') },
      output: {
        // Vite 8 bundles with Rolldown, where `manualChunks` is deprecated in favour of `codeSplitting.groups`.
        codeSplitting: { groups: vendorChunks },
      },
    },
  },
});
