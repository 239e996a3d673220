import { test } from '@playwright/test';

/** The running test's id, or undefined outside a test (a hook at file level, a script). */
export function currentTest(): string | undefined {
  try {
    return test.info().testId;
  } catch {
    return undefined;
  }
}
