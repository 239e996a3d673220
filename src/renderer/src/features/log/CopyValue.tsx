import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A value (TaskId, RequestId) with a one-click copy button next to it. */
export function CopyValue({ value, label, testId }: { value: string | undefined; label: 'copyTaskId' | 'copyRequestId'; testId: string }) {
  const { t } = useTranslation('log');
  if (!value) return null;
  return (
    <Group gap={4} wrap="nowrap" miw={0}>
      <Text size="xs" ff="monospace" truncate="end" title={value}>
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('copied') : t(label, { value })} withArrow>
            <ActionIcon
              size="sm"
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              aria-label={t(label, { value })}
              data-testid={testId}
              onClick={(event) => {
                event.stopPropagation();
                copy();
              }}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
