/**
 * What the shows domain needs from the others, as small interfaces; the composition root builds each
 * from the other domains' services, and the tests from fakes or the real stack.
 */

/** The presets a show's tasks launch. */
export interface PresetsPort {
  /** null when the preset is gone. */
  find(id: string): { id: string; name: string } | null;
  /** By exact name, for imports from another machine (the first match). */
  findByName(name: string): { id: string; name: string } | null;
}
