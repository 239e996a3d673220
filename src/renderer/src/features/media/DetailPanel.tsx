import { Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../shared/contract/media';
import { useFormat } from '../../i18n/format';
import { PreviewPlayer } from './PreviewPlayer';
import { ProbeDetails } from './ProbeDetails';

interface DetailPanelProps {
  entry: MediaEntry | undefined;
  onEdit(entry: MediaEntry): void;
  onDelete(ids: string[]): void;
}

export function DetailPanel({ entry, onEdit, onDelete }: DetailPanelProps) {
  const { t } = useTranslation('media');
  const format = useFormat();
  const time = (iso: string | null) => (iso ? format.dateTime(iso) : t('detail.never'));
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="media-detail-title"
      h="100%"
      style={{ overflow: 'auto' }}
      data-testid="media-detail"
    >
      <Title order={2} size="h4" id="media-detail-title" mb="sm">
        {entry ? entry.name : t('detail.title')}
      </Title>
      {entry ? (
        <Stack gap="sm">
          <Text size="xs" style={{ wordBreak: 'break-all' }} data-testid="media-detail-url">
            {entry.url}
          </Text>
          {entry.tags.length > 0 ? (
            <Group gap={4} aria-label={t('detail.tags')}>
              {entry.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="light">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
          {entry.notes ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.notes}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('detail.added')}: {time(entry.addedAt)} · {t('detail.lastUsed')}: {time(entry.lastUsedAt)}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => onEdit(entry)}>
              {t('actions.edit')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => onDelete([entry.id])}>
              {t('actions.delete')}
            </Button>
          </Group>
          <Divider />
          <ProbeDetails entry={entry} />
          <Divider />
          <PreviewPlayer entry={entry} />
        </Stack>
      ) : (
        <Text size="sm">{t('detail.none')}</Text>
      )}
    </Card>
  );
}
