import { ActionIcon, Group, Kbd, Modal, Table, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { isMac, keysOf, type Shortcut, shortcuts } from './shortcuts';

export const useHelpStore = create<{ opened: boolean; setOpened(opened: boolean): void }>((set) => ({
  opened: false,
  setOpened: (opened) => set({ opened }),
}));

const mac = isMac(navigator.platform);

/** The help panel: the shortcuts table itself, so what is listed is what is bound. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const opened = useHelpStore((state) => state.opened);
  const setOpened = useHelpStore((state) => state.setOpened);
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title={t('shortcuts.title')} size="lg">
      <Table data-testid="shortcuts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.description + (shortcut.descriptionScreen ?? '')}>
              <Table.Td>
                <Combos shortcut={shortcut} />
              </Table.Td>
              <Table.Td>{t(shortcut.description, { screen: shortcut.descriptionScreen ? t(shortcut.descriptionScreen) : '' })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="sm">
        {t('shortcuts.note')}
      </Text>
    </Modal>
  );
}

function Combos({ shortcut }: { shortcut: Shortcut }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      {shortcut.combos.map((combo, index) => (
        <Fragment key={keysOf(combo, mac).join('+')}>
          {index > 0 ? <Text size="sm">{t('shortcuts.or')}</Text> : null}
          <Group gap={2} wrap="nowrap">
            {keysOf(combo, mac).map((key) => (
              <Kbd key={key}>{key}</Kbd>
            ))}
          </Group>
        </Fragment>
      ))}
    </Group>
  );
}

/** The header's "?" button. */
export function HelpButton() {
  const { t } = useTranslation();
  const setOpened = useHelpStore((state) => state.setOpened);
  return (
    <Tooltip label={t('shortcuts.open')}>
      <ActionIcon variant="default" size="lg" aria-label={t('shortcuts.open')} onClick={() => setOpened(true)} data-testid="help-button">
        <Text fw={700} aria-hidden>
          ?
        </Text>
      </ActionIcon>
    </Tooltip>
  );
}
