import type { TFunction } from 'i18next';
import type { PreflightProblem } from '../../../../shared/shows/preflight';
import type { StoredShow } from '../../../../shared/shows/show-schema';

/** "cue 3 · task “Lobby 8001”", or "the whole show": what a problem is about, in the producer's words. */
export function concernsOf(t: TFunction, show: StoredShow, problem: Pick<PreflightProblem, 'cueId' | 'task'>): string {
  const parts: string[] = [];
  if (problem.cueId) {
    const index = show.cues.findIndex((cue) => cue.id === problem.cueId);
    const label = index >= 0 ? show.cues[index]?.label : undefined;
    parts.push(`${t('shows:preflightPanel.cueRef', { number: index >= 0 ? index + 1 : problem.cueId })}${label ? ` (${label})` : ''}`);
  }
  if (problem.task) parts.push(t('shows:preflightPanel.taskRef', { task: problem.task }));
  return parts.length > 0 ? parts.join(' · ') : t('shows:preflightPanel.wholeShow');
}

/** The problem's explanation and fix, translated; a fix this page has no words for falls back to a general one. */
export function problemText(
  t: TFunction,
  exists: (key: string) => boolean,
  problem: PreflightProblem,
): { explanation: string; fix: string } {
  const params = { task: problem.task ?? '', ...problem.params };
  const fixKey = `shows:fix.${problem.fix}`;
  return {
    explanation: t(`shows:preflight.${problem.code}`, params),
    fix: exists(fixKey) ? t(fixKey, params) : t('shows:fix.generic'),
  };
}
