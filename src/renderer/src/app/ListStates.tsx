import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A list still loading: a spinner with words, never a blank. `what` is already translated. */
export function ListLoading({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status" data-testid="list-loading">
      <Loader size="sm" aria-hidden />
      <Text size="sm" c="dimmed">
        {t('lists.loading', { what })}
      </Text>
    </Group>
  );
}

/** A load that failed: what and why, and a way to try again. */
export function ListFailed({ what, message, onRetry }: { what: string; message: string; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" data-testid="list-failed">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('lists.failed', { what, message })}</Text>
        <Button size="xs" variant="default" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      </Group>
    </Alert>
  );
}

/** An empty list says what to do next, with the button that does it. */
export function EmptyList({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Stack gap="xs" align="flex-start" data-testid="list-empty">
      <Text size="sm">{text}</Text>
      {action}
    </Stack>
  );
}
