/**
 * The only places the app opens in the user's browser: Tencent's console and docs. Anything else is
 * refused, so a compromised page cannot use the shell to launch arbitrary URLs or local files.
 */
const allowedHosts = new Set([
  'console.cloud.tencent.com',
  'console.tencentcloud.com',
  'cloud.tencent.com',
  'www.tencentcloud.com',
  'trtc.io',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && allowedHosts.has(url.hostname);
}
