import type { TFunction } from 'i18next';
import { detailsOf } from '../../../../shared/contract/errors';
import { CallError } from '../../api/client';

/** A failed call as the user should read it: the URL problem or duplicate in their language, else the code's text. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof CallError)) return String(error);
  const { code } = error.data;
  const input = detailsOf(error.data, 'INVALID_INPUT');
  if (input && 'problem' in input) return t(`media:urlProblems.${input.problem}`);
  const conflict = detailsOf(error.data, 'CONFLICT');
  if (conflict && 'duplicateOf' in conflict) return t('media:duplicate', { name: conflict.name ?? '' });
  return `${t(`common:errors.${code}`)} ${error.message}`;
}
