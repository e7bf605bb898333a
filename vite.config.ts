// Build, PWA and test configuration.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'generateSW',
      // The app asks before switching versions (src/pwa/register.ts registers it with workbox-window).
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Minga',
        short_name: 'Minga',
        description: 'Field missions of municipal technical cooperation, offline first.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0b5d4b',
        background_color: '#ffffff',
        categories: ['productivity', 'utilities'],
        // The installed app receives mission files (src/pwa/incoming.ts): opened with it from a file manager…
        file_handlers: [{ action: '/settings?receive=file', accept: { 'application/zip': ['.zip'] } }],
        // …or shared to it from another app (the service worker's public/share-target.js takes the POST).
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'bundle', accept: ['application/zip', '.zip'] }] },
        },
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        screenshots: [
          {
            src: '/screenshots/narrow.png',
            sizes: '720x1280',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Missions on a phone',
          },
          {
            src: '/screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'A mission on a laptop',
          },
        ],
      },
      workbox: {
        // The app shell and every screen a technician uses: the field app must open complete offline. Icons
        // and the manifest are added by the plugin (includeAssets, manifest icons); screenshots only serve the
        // install dialog. Heavy optional views (src/ui/coordinator/, chunk names starting with "Coordinator")
        // are left out and cached on first use by the /assets/ route below.
        globPatterns: ['index.html', 'assets/*.{js,css}'],
        globIgnores: ['assets/Coordinator*', 'screenshots/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/sync(\/|$)/, /^\/healthz$/],
        cleanupOutdatedCaches: true,
        // Takes "share to" POSTs before workbox's routes (which only answer GETs).
        importScripts: ['/share-target.js'],
        // First install: take the open page at once so it works offline without a reload. Updates still wait
        // for the user (no skipWaiting): the page asks, then messages SKIP_WAITING.
        clientsClaim: true,
        skipWaiting: false,
        runtimeCaching: [
          {
            // Hashed files are immutable: whatever was not precached is kept once fetched.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'minga-assets',
              expiration: { maxEntries: 60, maxAgeSeconds: 60 * 60 * 24 * 365 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // Map tiles (…/z/x/y.png on the configured tile host, or another one chosen in Settings): a tile seen
            // once is kept, so a map opened before stays readable offline. Bounded: about 15 MB of OSM tiles.
            urlPattern: ({ url, sameOrigin, request }) =>
              !sameOrigin &&
              request.destination === 'image' &&
              /\/\d{1,2}\/\d{1,7}\/\d{1,7}(@2x)?\.(png|jpe?g|webp)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'minga-tiles',
              expiration: { maxEntries: 1000, maxAgeSeconds: 60 * 60 * 24 * 30 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          setupFiles: ['tests/e2e/support/reportOnFailure.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // WebKitGTK over WebDriver and a persistent WebKit view (.ci/ensure-webkit.sh installs both).
          name: 'webkit',
          environment: 'node',
          include: ['tests/webkit/**/*.webkit.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
