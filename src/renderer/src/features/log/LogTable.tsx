import { Badge, Box, Button, Group, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogOutcome, LogRow } from '../../../../shared/contract/log';
import { connectionTestPurpose } from '../../../../shared/trtc/api-call-record';
import { EmptyList, ListLoading } from '../../app/ListStates';
import { useNavigationStore } from '../../app/navigation-store';
import { useFormat } from '../../i18n/format';
import { CopyValue } from './CopyValue';
import { pageSize, useLogStore } from './log-store';

const columns = '165px 125px 100px 100px 80px minmax(140px, 1.3fr) minmax(140px, 1fr) 160px 70px';
const rowHeight = 36;
const outcomeColor: Record<LogOutcome, string> = { ok: 'green', 'api-error': 'red', unknown: 'orange', 'not-sent': 'gray' };

/** The log as a virtualized ARIA table: only the rows in view are in the page, pages load as they scroll in. */
export function LogTable({ onOpen }: { onOpen: (row: LogRow) => void }) {
  const { t } = useTranslation('log');
  const total = useLogStore((state) => state.total);
  const pages = useLogStore((state) => state.pages);
  const ensurePages = useLogStore((state) => state.ensurePages);
  const firstPageLoaded = useLogStore((state) => state.pages[0] !== undefined || state.error !== null);
  const filtered = useLogStore((state) => Object.keys(state.filter).length > 0);
  const go = useNavigationStore((state) => state.go);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: pages changes when a refresh drops them; load what is in view again
  useEffect(() => {
    if (total > 0) ensurePages(Math.floor(firstIndex / pageSize), Math.floor(lastIndex / pageSize));
  }, [firstIndex, lastIndex, total, pages, ensurePages]);

  return (
    <Box
      role="table"
      aria-label={t('title')}
      aria-rowcount={total + 1}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
    >
      <Box role="rowgroup">
        <Box role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: columns, gap: 8, padding: '6px 10px' }}>
          {(['time', 'action', 'outcome', 'app', 'room', 'taskId', 'requestId', 'code', 'latency'] as const).map((column) => (
            <Text key={column} role="columnheader" size="xs" fw={700}>
              {t(`columns.${column}`)}
            </Text>
          ))}
        </Box>
      </Box>
      <Box
        ref={scrollRef}
        role="rowgroup"
        data-testid="log-rows"
        style={{ height: 'calc(100vh - 330px)', minHeight: 240, overflow: 'auto' }}
      >
        {total === 0 && !firstPageLoaded ? (
          <Box p="md">
            <ListLoading what={t('title')} />
          </Box>
        ) : total === 0 && filtered ? (
          <Text p="md" size="sm">
            {t('empty')}
          </Text>
        ) : total === 0 ? (
          <Box p="md">
            <EmptyList
              text={t('emptyLog')}
              action={
                <Button size="xs" variant="default" onClick={() => go('launch')}>
                  {t('launchFirst')}
                </Button>
              }
            />
          </Box>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = pages[Math.floor(item.index / pageSize)]?.[item.index % pageSize];
              return (
                <Box
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid={row ? 'log-row' : 'log-row-loading'}
                  data-request-id={row?.requestId}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: rowHeight,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: columns,
                    gap: 8,
                    alignItems: 'center',
                    padding: '0 10px',
                    borderTop: '1px solid var(--mantine-color-default-border)',
                  }}
                >
                  {row ? <Cells row={row} onOpen={onOpen} /> : <Text size="xs">{t('loadingRow')}</Text>}
                </Box>
              );
            })}
          </div>
        )}
      </Box>
    </Box>
  );
}

function Cells({ row, onOpen }: { row: LogRow; onOpen: (row: LogRow) => void }) {
  const { t } = useTranslation('log');
  const format = useFormat();
  const time = format.dateTime(row.at);
  // A connection test is a Describe about no real task: it is filed under its profile.
  const action = row.purpose === connectionTestPurpose ? t('connectionTest', { profile: row.profileName }) : t(`actions.${row.action}`);
  return (
    <>
      <Box role="cell">
        <UnstyledButton onClick={() => onOpen(row)} aria-label={t('openDetails', { action, time })} data-testid="open-details">
          <Text size="xs" td="underline">
            {time}
          </Text>
        </UnstyledButton>
      </Box>
      <Box role="cell">
        <Group gap={4} wrap="nowrap">
          <Text size="xs">{action}</Text>
          {row.repeat ? (
            <Badge
              size="xs"
              variant="light"
              title={t('repeatedTitle', { count: row.repeat.count, lastAt: format.dateTime(row.repeat.lastAt) })}
            >
              {t('repeated', { count: row.repeat.count })}
            </Badge>
          ) : null}
        </Group>
      </Box>
      <Box role="cell">
        <Badge size="sm" variant="dot" color={outcomeColor[row.outcome]}>
          {t(`outcomes.${row.outcome}`)}
        </Badge>
      </Box>
      <Text role="cell" size="xs" ff="monospace">
        {row.sdkAppId ?? ''}
      </Text>
      <Text role="cell" size="xs" truncate="end" title={row.roomId}>
        {row.roomId ?? ''}
      </Text>
      <Box role="cell" miw={0}>
        <CopyValue value={row.taskId} label="copyTaskId" testId="copy-task-id" />
      </Box>
      <Box role="cell" miw={0}>
        <CopyValue value={row.requestId} label="copyRequestId" testId="copy-request-id" />
      </Box>
      <Text role="cell" size="xs" c="red" truncate="end" title={row.errorMessage ?? row.errorCode}>
        {row.errorCode ?? ''}
      </Text>
      <Text role="cell" size="xs" ta="right">
        {t('ms', { value: row.latencyMs })}
      </Text>
    </>
  );
}
