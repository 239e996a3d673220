import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PreflightProblem } from '../../../../shared/shows/preflight';
import { problemText } from './preflight-text';

/**
 * What pre-flight will say about the sheet alone (src/shared/shows/sheet-checks.ts), shown while
 * the producer types: a cue naming a missing task, two cues on one task in one second, and so on,
 * each with its fix. Red when pre-flight would block arming, yellow for a warning.
 */
export function SheetChecks({ problems }: { problems: PreflightProblem[] }) {
  const { t, i18n } = useTranslation('shows');
  if (problems.length === 0) return null;
  const blocking = problems.some((problem) => problem.severity === 'blocking');
  return (
    <Alert color={blocking ? 'red' : 'yellow'} mt="xs" p="xs" data-testid="sheet-checks">
      <List size="sm">
        {problems.map((problem) => {
          const text = problemText(t, (key) => i18n.exists(key), problem);
          return (
            <List.Item key={`${problem.code}:${problem.cueId ?? ''}:${problem.task ?? ''}`} data-code={problem.code}>
              {t(`preflightPanel.severity.${problem.severity}`)}: {text.explanation} {t('preflightPanel.fixLabel', { fix: text.fix })}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
