// Headers on every response the server sends: what the browser may load and run for the app, and what it
// must refuse (framing, sniffing, referrers, powerful features).
import type { ServerResponse } from 'node:http';
import { DEFAULT_TILE_URL, tileCspSource } from '../domain/desk/tiles.ts';

/**
 * The map's tile host, from the same setting the app is built with (VITE_TILE_URL, read again when the server
 * starts): its images are shown, and fetched by the service worker that keeps them for offline use.
 */
export function tileSource(env: NodeJS.ProcessEnv = process.env): string {
  return tileCspSource(env.VITE_TILE_URL ?? '') ?? tileCspSource(DEFAULT_TILE_URL)!;
}

/**
 * No inline script or style, nothing from other origins except connections (a device may sync with a server
 * at another HTTPS address than the one that served the app) and the map's tiles.
 */
export const contentSecurityPolicy = (tiles: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' blob: data: ${tiles}`,
    "font-src 'self'",
    `connect-src 'self' https: wss: ${tiles}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const securityHeaders = (tiles = tileSource()): Readonly<Record<string, string>> => ({
  'Content-Security-Policy': contentSecurityPolicy(tiles),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The camera (photos) and location (a note's place) for the app itself; nothing else.
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

let cached: { tiles: string; headers: Readonly<Record<string, string>> } | null = null;

/** Only behind HTTPS (HSTS=1): a browser that saw it would refuse plain HTTP to this host for a year. */
export const HSTS_HEADER = 'max-age=31536000';

export function setSecurityHeaders(res: ServerResponse, hsts: boolean): void {
  const tiles = tileSource();
  if (cached?.tiles !== tiles) cached = { tiles, headers: securityHeaders(tiles) };
  for (const [name, value] of Object.entries(cached.headers)) res.setHeader(name, value);
  if (hsts) res.setHeader('Strict-Transport-Security', HSTS_HEADER);
}
