import { Alert, Button, Group, List, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchItem } from '../../../../shared/contract/tasks';
import { errorData, invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { TargetBadge, TargetLine } from '../../app/Target';
import { useAccountsStore } from '../accounts/accounts-store';
import { type Target, targetOf } from '../accounts/target';

/** Rooms typed one per line (or separated by commas), blanks dropped. */
export function parseRooms(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((room) => room.trim())
    .filter((room) => room !== '');
}

/**
 * Several presets, or the first preset into each of N rooms. A batch with live items always asks
 * first (how many, where, how many loop endlessly): no per-app preference skips it.
 */
export function BatchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const presets = useCall('presets.list', {});
  const [chosen, setChosen] = useState<string[]>([]);
  const [roomsText, setRoomsText] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const backRef = useRef<HTMLButtonElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const stepped = useRef(false);
  // The dialog stays open between its two steps, so its autofocus does not run again: move the focus
  // to the confirmation's Cancel, and back to the submit button that opened it.
  useEffect(() => {
    if (confirming) backRef.current?.focus();
    else if (stepped.current) submitRef.current?.focus();
    stepped.current = confirming;
  }, [confirming]);
  const overview = useAccountsStore((state) => state.overview);
  const rooms = parseRooms(roomsText);
  const first = chosen[0];
  const items: BatchItem[] =
    rooms.length > 0 && first !== undefined
      ? rooms.map((roomId) => ({ presetId: first, roomId }))
      : chosen.map((presetId) => ({ presetId }));

  const byId = new Map((presets.data ?? []).map((preset) => [preset.id, preset]));
  const targetOfPreset = (presetId: string): Target | null => {
    const preset = byId.get(presetId);
    return preset ? targetOf(overview, { sdkAppId: preset.sdkAppId, region: preset.region }) : null;
  };
  const liveItems = items.filter((item) => targetOfPreset(item.presetId)?.kind !== 'sandbox');
  const endlessLive = liveItems.filter((item) => {
    const preset = byId.get(item.presetId);
    return preset?.repeatNum === -1 && preset.maxDuration === null;
  }).length;
  // One line per live target, with how many items go there.
  const liveTargets = [...new Map(liveItems.map((item) => [item.presetId, targetOfPreset(item.presetId)])).values()]
    .filter((target): target is Target => target !== null)
    .filter(
      (target, index, all) => all.findIndex((other) => other.sdkAppId === target.sdkAppId && other.region === target.region) === index,
    )
    .map((target) => ({
      target,
      count: liveItems.filter((item) => {
        const other = targetOfPreset(item.presetId);
        return other?.sdkAppId === target.sdkAppId && other.region === target.region;
      }).length,
    }));

  const close = () => {
    setConfirming(false);
    onClose();
  };

  const submit = async () => {
    if (liveItems.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    try {
      // Only reached past the confirmation step when any item is live; main refuses such a batch without it.
      await invoke('tasks.batchStart', liveItems.length > 0 ? { items, confirmLive: true } : { items });
      setChosen([]);
      setRoomsText('');
      close();
    } catch (error) {
      const data = errorData(error);
      notifications.show({ color: 'red', title: t('control.failed'), message: `${data.code}: ${data.message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={confirming ? t('common:liveConfirm.batchTitle') : t('batch.title')}
      size="lg"
      data-testid={confirming ? 'batch-live-confirm' : undefined}
    >
      {confirming ? (
        <Stack>
          <Text size="sm" data-testid="batch-live-count" data-live={liveItems.length}>
            {t('common:liveConfirm.batchBody', { live: liveItems.length, total: items.length })}
          </Text>
          <List size="sm" spacing="xs">
            {liveTargets.map(({ target, count }) => (
              <List.Item key={`${target.sdkAppId}:${target.region}`}>
                <TargetLine target={target} />
                <Text size="xs">{t('common:liveConfirm.batchTarget', { count })}</Text>
              </List.Item>
            ))}
          </List>
          {endlessLive > 0 ? (
            <Alert color="orange" data-testid="batch-live-loop">
              {t('common:liveConfirm.batchLoop', { count: endlessLive })}
            </Alert>
          ) : null}
          <Text size="sm">{t('common:liveConfirm.pausedBills')}</Text>
          <Group justify="flex-end">
            {/* Back to the form has the focus: Enter alone never starts billed streams. */}
            <Button ref={backRef} variant="default" data-autofocus onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button color="red.9" loading={busy} onClick={() => void submit()}>
              {t('common:liveConfirm.batchConfirm', { count: items.length })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <MultiSelect
            label={t('batch.presets')}
            searchable
            value={chosen}
            onChange={setChosen}
            data={(presets.data ?? []).map((preset) => ({ value: preset.id, label: preset.name }))}
            renderOption={({ option }) => {
              const target = targetOfPreset(option.value);
              return (
                <Group gap="xs" wrap="nowrap">
                  {target ? <TargetBadge kind={target.kind} size="xs" /> : null}
                  <span>{option.label}</span>
                </Group>
              );
            }}
          />
          {chosen.length > 0 ? (
            <Stack gap={4} data-testid="batch-targets">
              {chosen.map((presetId) => {
                const target = targetOfPreset(presetId);
                return target ? (
                  <Group key={presetId} gap="xs" wrap="nowrap">
                    <Text size="xs" fw={600} style={{ flexShrink: 0 }}>
                      {byId.get(presetId)?.name}
                    </Text>
                    <TargetLine target={target} />
                  </Group>
                ) : null;
              })}
            </Stack>
          ) : null}
          <Textarea
            label={t('batch.rooms')}
            autosize
            minRows={3}
            maxRows={10}
            value={roomsText}
            onChange={(event) => setRoomsText(event.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {t('batch.roomsHelp')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button ref={submitRef} loading={busy} disabled={items.length === 0 || items.length > 200} onClick={() => void submit()}>
              {t('batch.submit', { count: items.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
