import { Badge, Box, Checkbox, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../shared/contract/media';
import { useMediaView } from './media-view-store';
import { ProbeBadge } from './ProbeBadge';

const rowHeight = 60;

interface MediaListProps {
  entries: MediaEntry[];
  onDelete(ids: string[]): void;
}

/**
 * The library as a listbox: only the rows in view are in the DOM (10,000 entries stay fast). The
 * list itself holds focus; the active row is announced with aria-activedescendant, so arrow keys
 * move without tabbing through thousands of rows.
 */
export function MediaList({ entries, onDelete }: MediaListProps) {
  const { t } = useTranslation('media');
  const selected = useMediaView((state) => state.selected);
  const current = useMediaView((state) => state.current);
  const toggle = useMediaView((state) => state.toggle);
  const setCurrent = useMediaView((state) => state.setCurrent);
  const probing = useMediaView((state) => state.probing);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });

  // A new filter result starts at the top.
  useEffect(() => {
    setActive((index) => (index < entries.length ? index : 0));
  }, [entries]);

  const activeEntry = entries[active];
  const open = useCallback(
    (index: number, id: string) => {
      setActive(index);
      setCurrent(id);
    },
    [setCurrent],
  );
  const tick = useCallback(
    (index: number, id: string) => {
      setActive(index);
      toggle(id);
    },
    [toggle],
  );
  const move = (index: number) => {
    const next = Math.max(0, Math.min(entries.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    if (!handleKey(event.key, page)) return;
    event.preventDefault();
  };

  /** Returns whether the key meant something to the list. */
  function handleKey(key: string, page: number): boolean {
    switch (key) {
      case 'ArrowDown':
        move(active + 1);
        return true;
      case 'ArrowUp':
        move(active - 1);
        return true;
      case 'PageDown':
        move(active + page);
        return true;
      case 'PageUp':
        move(active - page);
        return true;
      case 'Home':
        move(0);
        return true;
      case 'End':
        move(entries.length - 1);
        return true;
      case ' ':
        if (activeEntry) toggle(activeEntry.id);
        return true;
      case 'Enter':
        if (activeEntry) setCurrent(activeEntry.id);
        return true;
      case 'Delete':
        onDelete(selected.size > 0 ? [...selected] : activeEntry ? [activeEntry.id] : []);
        return true;
      default:
        return false;
    }
  }

  if (entries.length === 0) return null;
  return (
    <Box
      ref={scrollRef}
      role="listbox"
      aria-label={t('list.label')}
      aria-multiselectable
      aria-activedescendant={activeEntry ? `media-row-${activeEntry.id}` : undefined}
      aria-describedby="media-list-hint"
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="media-list"
      style={{ height: '100%', overflow: 'auto', outlineOffset: -2, contain: 'strict' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index] as MediaEntry;
          return (
            <MediaRow
              key={entry.id}
              entry={entry}
              index={item.index}
              start={item.start}
              isActive={item.index === active}
              isCurrent={current === entry.id}
              isSelected={selected.has(entry.id)}
              isProbing={probing.has(entry.id)}
              onOpen={open}
              onToggle={tick}
            />
          );
        })}
      </div>
    </Box>
  );
}

interface MediaRowProps {
  entry: MediaEntry;
  index: number;
  start: number;
  isActive: boolean;
  isCurrent: boolean;
  isSelected: boolean;
  isProbing: boolean;
  onOpen(index: number, id: string): void;
  onToggle(index: number, id: string): void;
}

/** One row; memoised so a keystroke re-renders only rows whose entry or state changed. */
const MediaRow = memo(function MediaRow({
  entry,
  index,
  start,
  isActive,
  isCurrent,
  isSelected,
  isProbing,
  onOpen,
  onToggle,
}: MediaRowProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keyboard for every row
    <div
      id={`media-row-${entry.id}`}
      role="option"
      tabIndex={-1}
      aria-selected={isSelected}
      aria-current={isCurrent ? 'true' : undefined}
      data-testid="media-row"
      data-active={isActive || undefined}
      onClick={() => onOpen(index, entry.id)}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: rowHeight,
        transform: `translateY(${start}px)`,
        padding: '6px 10px',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: isCurrent ? 'var(--mantine-primary-color-light)' : isActive ? 'var(--mantine-color-default-hover)' : undefined,
        boxShadow: isActive ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" h="100%">
        {/* A drawn box, not an input: the option's aria-selected carries the state for assistive tech. */}
        <Checkbox.Indicator
          checked={isSelected}
          aria-hidden
          onClick={(event) => {
            event.stopPropagation();
            onToggle(index, entry.id);
          }}
        />
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500} truncate="end" data-testid="media-row-name">
              {entry.name}
            </Text>
            {entry.tags.slice(0, 4).map((tag) => (
              <Badge key={tag} size="xs" variant="light" style={{ flexShrink: 0 }}>
                {tag}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed" truncate="end">
            {entry.url}
          </Text>
        </Box>
        <ProbeBadge probe={entry.lastProbe} running={isProbing} />
      </Group>
    </div>
  );
});
