import { ActionIcon, Tooltip } from '@mantine/core';
import type { ComponentType } from 'react';

/** A row's small icon action: the label is both its tooltip and its accessible name. */
export function iconButton(label: string, Icon: ComponentType<{ size?: number; stroke?: number }>, onClick: () => void, disabled = false) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" aria-label={label} onClick={onClick} disabled={disabled}>
        <Icon size={18} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  );
}
