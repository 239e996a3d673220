import { type HotkeyItem, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { useLaunchSelectionStore } from '../features/launch/launch-selection-store';
import { usePresetsStore } from '../features/presets/presets-store';
import { CommandPalette } from './CommandPalette';
import { useNavigationStore } from './navigation-store';
import { ShortcutsHelp, useHelpStore } from './ShortcutsHelp';
import { screenIds } from './screen-ids';
import { hotkeyOf, type ShortcutAction, shortcuts } from './shortcuts';

const openHelp = () => useHelpStore.getState().setOpened(true);

/** A dialog is open: screen shortcuts would act behind it. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

/** The palette, the help panel, and every shortcut of the table bound to its handler. */
export function KeyboardLayer() {
  const { t } = useTranslation();

  const launchSelected = () => {
    if (useNavigationStore.getState().current !== 'launch') return;
    const presets = usePresetsStore.getState().presets ?? [];
    const selected = useLaunchSelectionStore.getState().selectedPresetId;
    const id = presets.some((preset) => preset.id === selected) ? selected : presets.length === 1 ? presets[0]?.id : undefined;
    if (id) useLaunchSelectionStore.getState().requestLaunch(id);
    else if (presets.length > 0) notifications.show({ message: t('shortcuts.selectPresetFirst') });
  };

  const handlers: Record<ShortcutAction, () => void> = {
    palette: () => spotlight.open(),
    help: openHelp,
    launch: launchSelected,
    ...(Object.fromEntries(screenIds.map((id) => [`screen:${id}`, () => useNavigationStore.getState().go(id)])) as Record<
      `screen:${(typeof screenIds)[number]}`,
      () => void
    >),
  };

  const bind = (inFields: boolean): HotkeyItem[] =>
    shortcuts
      .filter((shortcut) => shortcut.action && !shortcut.handledByDialogs && Boolean(shortcut.inFields) === inFields)
      .flatMap((shortcut) =>
        shortcut.combos.map((combo): HotkeyItem => {
          const action = shortcut.action as ShortcutAction;
          const run = () => {
            // Only the palette opens over a dialog; anything else would act behind it.
            if (action !== 'palette' && dialogOpen()) return;
            handlers[action]();
          };
          return [hotkeyOf(combo), run, { usePhysicalKeys: combo.code !== undefined }];
        }),
      );

  useHotkeys(bind(true), []);
  useHotkeys(bind(false));

  return (
    <>
      <CommandPalette onHelp={openHelp} />
      <ShortcutsHelp />
    </>
  );
}
