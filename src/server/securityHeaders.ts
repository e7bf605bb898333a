// Headers on every response the server sends: what the browser may load and run for the app, and what it
// must refuse (framing, sniffing, referrers, powerful features).
import type { ServerResponse } from 'node:http';

/**
 * No inline script or style, nothing from other origins except connections: a device may sync with a server
 * at another (HTTPS) address than the one that served the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' https: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The camera (photos) and location (a note's place) for the app itself; nothing else.
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Only behind HTTPS (HSTS=1): a browser that saw it would refuse plain HTTP to this host for a year. */
export const HSTS_HEADER = 'max-age=31536000';

export function setSecurityHeaders(res: ServerResponse, hsts: boolean): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (hsts) res.setHeader('Strict-Transport-Security', HSTS_HEADER);
}
