import type { StoreProblem } from '../../shared/contract/system';

/** Unreadable documents found at start-up, kept for the page to show. */
export class StoreProblems {
  readonly #problems: StoreProblem[] = [];

  report(problem: StoreProblem): void {
    this.#problems.push(problem);
  }

  list(): StoreProblem[] {
    return [...this.#problems];
  }
}
