import { detailsOf } from '../../../../shared/contract/errors';
import { adviceFor, appOutcomeCodes, type CatalogLanguage, type ResolvedAdvice } from '../../../../shared/trtc/error-catalog';

/** A failure as the page gets it: an AppError's data, a stop result's error, or a task's last error. */
export interface FailureLike {
  code: string;
  details?: unknown;
}

/**
 * The code the error catalog explains: the TRTC code when the API answered one, else the app's own
 * code when it is a "no trustworthy answer" one. Other app codes (CONFLICT, NOT_FOUND, ...) are not
 * TRTC errors: their own message says it better than the catalog's generic entry would.
 */
export function catalogCodeOf(failure: FailureLike): string | null {
  // A task that is gone is NOT_FOUND, with the TRTC code that said so.
  const gone = detailsOf(failure, 'NOT_FOUND');
  const trtcCode = detailsOf(failure, 'TRTC_API_ERROR')?.trtcCode ?? (gone && 'trtcCode' in gone ? gone.trtcCode : undefined);
  if (trtcCode !== undefined && trtcCode !== '') return trtcCode;
  // TRTC codes are PascalCase (AuthFailure.SignatureExpire); the app's own are UPPER_SNAKE.
  if ((appOutcomeCodes as readonly string[]).includes(failure.code) || /[a-z]/.test(failure.code)) return failure.code;
  return null;
}

/** What the user reads about a failed TRTC call, in the page's language; null when it was no TRTC call's failure. */
export function failureAdvice(failure: FailureLike, language: string): (ResolvedAdvice & { code: string }) | null {
  const code = catalogCodeOf(failure);
  if (code === null) return null;
  const catalogLanguage: CatalogLanguage = language === 'zh-CN' ? 'zh-CN' : 'en';
  return { ...adviceFor(code, catalogLanguage), code };
}
