import type { TFunction } from 'i18next';
import type { Cue } from '../../../../shared/shows/show-schema';

/** What a cue does, in one short line: "Volume 50 · Lobby 8001", "Stop room 8002". */
export function actionText(t: TFunction, cue: Cue): string {
  const action = cue.action;
  const kind = t(`shows:editor.actions.${action.kind}`);
  const detail =
    action.kind === 'volume'
      ? ` ${action.volume}`
      : action.kind === 'tempo'
        ? ` ×${action.tempo}`
        : action.kind === 'stopRoom'
          ? ` ${action.roomId}`
          : action.kind === 'switchSource'
            ? ` → ${action.source.kind === 'url' ? action.source.url : t('shows:editor.sourceKinds.entry')}`
            : '';
  return 'task' in action ? `${kind}${detail} · ${action.task}` : `${kind}${detail}`;
}

/** When a cue fires, in one short line: "At 19:50:00", "+60 s after the start", "On Go". */
export function triggerText(t: TFunction, cue: Cue, time: (iso: string) => string): string {
  const trigger = cue.trigger;
  if (trigger.kind === 'at') return `${t('shows:editor.triggers.at')} ${time(trigger.at)}`;
  if (trigger.kind === 'go') return t('shows:editor.triggers.go');
  return `${t(`shows:editor.triggers.${trigger.kind}`)} +${trigger.seconds} s`;
}
