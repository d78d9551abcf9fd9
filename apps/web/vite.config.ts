import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.WENMING_API ?? 'http://localhost:3000';

/**
 * Vendor chunks: the desktop UI kit, the phone UI kit and the chart library each load on their own.
 * A group also takes the dependencies of what it captures, so the order matters: React first (everyone
 * needs it), then antd (whose helpers antd-mobile shares), then antd-mobile, which keeps only its own.
 */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/, priority: 30 },
  {
    name: 'antd-mobile',
    test: /node_modules[\\/](antd-mobile|antd-mobile-icons|antd-mobile-v5-count)[\\/]/,
    priority: 20,
  },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 0 },
];

export default defineConfig({
  root,
  plugins: [react()],
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
      output: {
        // Vite 8 bundles with Rolldown, where `manualChunks` is deprecated in favour of `codeSplitting.groups`.
        codeSplitting: { groups: vendorChunks },
      },
    },
  },
});
