import { Button, Kbd } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isMac, keysOf, shortcutFor } from './shortcuts';

const mac = isMac(navigator.platform);

/** The header's way into the command palette, showing its shortcut so it is learnt. */
export function PaletteButton() {
  const { t } = useTranslation();
  const combo = shortcutFor('palette')?.combos[0];
  const keys = combo ? keysOf(combo, mac).join('+') : '';
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconSearch size={14} />}
      rightSection={keys ? <Kbd size="xs">{keys}</Kbd> : null}
      onClick={() => spotlight.open()}
      aria-keyshortcuts={keys.replace('⌘', 'Meta')}
      data-testid="palette-button"
    >
      {t('palette.open')}
    </Button>
  );
}
