/**
 * The page's Content Security Policy, sent as a header by both the Electron app protocol and the
 * browser host. No inline script and no eval; styles allow inline because the component library
 * sets CSS variables in a <style> element (styles cannot run code).
 *
 * Media preview (src/renderer/src/features/media) plays the user's own library URLs, which can be on
 * any host: `media-src http: https:` for MP4/WebM in <video>, `connect-src http: https:` because
 * hls.js and mpegts.js download playlists and segments with fetch/XHR and feed them to the player
 * through Media Source (`blob:`). Scripts, frames, objects and workers stay same-origin, so a hostile
 * URL can be played but never run; ws:, file:, data: remain closed for connections.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "media-src 'self' blob: http: https:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers for every response that carries the page or its assets. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};
