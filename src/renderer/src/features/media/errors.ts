import type { TFunction } from 'i18next';
import { CallError } from '../../api/client';

/** A failed call as the user should read it: the URL problem or duplicate in their language, else the code's text. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof CallError)) return String(error);
  const { code, details } = error.data;
  if (code === 'INVALID_INPUT' && typeof details?.problem === 'string') return t(`media:urlProblems.${details.problem}`);
  if (code === 'CONFLICT' && typeof details?.duplicateOf === 'string') return t('media:duplicate', { name: String(details.name ?? '') });
  return `${t(`common:errors.${code}`)} ${error.message}`;
}
