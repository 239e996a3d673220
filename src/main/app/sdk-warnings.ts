/**
 * The official SDK sends through node-fetch 2, which hands every request URL to the legacy
 * `url.parse()` after normalising it with WHATWG `URL`: Node then prints DEP0169 ("url.parse() behavior
 * is not standardized") on the first TRTC call, about code the app cannot change and input that is
 * already a WHATWG URL. That one warning is dropped; every other warning is printed as before.
 */
const quietCodes = new Set(['DEP0169']);

let installed = false;

export function quietSdkWarnings(): void {
  if (installed) return;
  installed = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const [typeOrOptions, code] = rest;
    const found = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: string }).code : code;
    if (typeof found === 'string' && quietCodes.has(found)) return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}
