import type { PresetView } from '../../../../shared/contract/presets';

export type PresetGrouping = 'none' | 'folder' | 'tag';

export interface PresetGroup {
  key: string;
  /** Folder or tag; null for "no folder" / "no tag" (and for no grouping). */
  label: string | null;
  presets: PresetView[];
}

/** Every word must appear in the name, notes, folder, tags, room, UserId, SdkAppId, region or URL. */
export function searchPresets(presets: PresetView[], query: string): PresetView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return presets;
  return presets.filter((preset) => {
    const text = [
      preset.name,
      preset.notes,
      preset.folder,
      ...preset.tags,
      preset.roomId,
      preset.userId,
      String(preset.sdkAppId),
      preset.region,
      preset.media.kind === 'url' ? preset.media.url : '',
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** Groups in name order, the unnamed group last; a preset with several tags shows under each. */
export function groupPresets(presets: PresetView[], grouping: PresetGrouping): PresetGroup[] {
  if (grouping === 'none') return presets.length ? [{ key: 'all', label: null, presets }] : [];
  const groups = new Map<string | null, PresetView[]>();
  for (const preset of presets) {
    const labels = grouping === 'folder' ? [preset.folder || null] : preset.tags.length ? preset.tags : [null];
    for (const label of labels) groups.set(label, [...(groups.get(label) ?? []), preset]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([label, members]) => ({ key: label ?? '\u0000none', label, presets: members }));
}
