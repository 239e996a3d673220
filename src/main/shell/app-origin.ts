/** The page is served from a privileged custom scheme, so it has a real origin to check senders against. */
export const appScheme = 'app';
export const appHost = 'desk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** scheme://host of a URL; WHATWG's `origin` is "null" for custom schemes, so compare this instead. */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

/** The origins the page may be loaded from: the app scheme, and the dev server while developing. */
export function trustedOrigins(devServerUrl: string | undefined): Set<string> {
  const origins = new Set([appOrigin]);
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) origins.add(dev);
  return origins;
}
