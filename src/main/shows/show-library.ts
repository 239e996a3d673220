import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import type { ShowImportReport } from '../../shared/contract/shows';
import { type ShowDraft, type ShowSummary, type StoredShow, showLimits } from '../../shared/shows/show-schema';
import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { StoredDocument } from '../storage/stored-document';
import type { ShowsFile } from './show-document';
import { exportShows, parseShowImport } from './show-exchange';
import type { PresetsPort } from './shows-ports';

export interface ShowLibraryDeps {
  document: StoredDocument<ShowsFile>;
  presets: PresetsPort;
  events: EventBus;
  clock: Clock;
}

/** The saved shows: list, get, save with a revision check, duplicate, remove, JSON export/import. */
export class ShowLibrary {
  readonly #deps: ShowLibraryDeps;

  constructor(deps: ShowLibraryDeps) {
    this.#deps = deps;
  }

  list(): ShowSummary[] {
    return this.#sorted().map(summaryOf);
  }

  get(id: string): StoredShow {
    const show = this.#deps.document.value.shows.find((candidate) => candidate.id === id);
    if (!show) throw new AppError('NOT_FOUND', 'No show has this id.', { id });
    return show;
  }

  /** Creates (no id) or replaces; a replace must name the revision it edited, else CONFLICT with the current one. */
  async save(draft: ShowDraft, id?: string, revision?: number): Promise<StoredShow> {
    const now = this.#now();
    if (id === undefined) {
      this.#checkRoom(1);
      const show: StoredShow = { ...draft, id: randomUUID(), revision: 1, createdAt: now, updatedAt: now };
      await this.#deps.document.update((file) => ({ shows: [...file.shows, show] }));
      return this.#changed(show.id);
    }
    let saved: StoredShow | undefined;
    await this.#deps.document.update((file) => {
      // Checked inside the update, against what is on disk now, so two saves in flight cannot both win.
      const current = file.shows.find((show) => show.id === id);
      if (!current) throw new AppError('NOT_FOUND', 'No show has this id.', { id });
      if (revision !== current.revision) {
        throw new AppError('CONFLICT', `The show was changed since it was opened (it is at revision ${current.revision}).`, { id });
      }
      saved = { ...current, ...withoutAbsent(draft), plannedStart: draft.plannedStart, revision: current.revision + 1, updatedAt: now };
      if (saved.plannedStart === undefined) delete saved.plannedStart;
      const next = saved;
      return { shows: file.shows.map((show) => (show.id === id ? next : show)) };
    });
    return this.#changed(id);
  }

  async duplicate(id: string): Promise<StoredShow> {
    this.#checkRoom(1);
    const source = this.get(id);
    const now = this.#now();
    const copy: StoredShow = { ...source, id: randomUUID(), name: copyName(source.name), revision: 1, createdAt: now, updatedAt: now };
    await this.#deps.document.update((file) => ({ shows: [...file.shows, copy] }));
    return this.#changed(copy.id);
  }

  async remove(id: string): Promise<{ removed: boolean }> {
    this.get(id);
    await this.#deps.document.update((file) => ({ shows: file.shows.filter((show) => show.id !== id) }));
    this.#emit();
    return { removed: true };
  }

  exportJson(ids?: string[]): { json: string; count: number } {
    const chosen = ids ? this.#sorted().filter((show) => ids.includes(show.id)) : this.#sorted();
    return { json: exportShows(chosen, this.#deps.presets, this.#now()), count: chosen.length };
  }

  async importJson(json: string): Promise<ShowImportReport> {
    const { accepted, rejected } = parseShowImport(json, this.#deps.presets);
    return this.addDrafts(accepted, rejected);
  }

  /** Adds drafts under new ids (as many as there is room for); the rest are reported. */
  async addDrafts(accepted: { index: number; draft: ShowDraft }[], rejected: ShowImportReport['rejected']): Promise<ShowImportReport> {
    const room = Math.max(0, showLimits.showsMax - this.#deps.document.value.shows.length);
    for (const item of accepted.slice(room)) {
      rejected.push({ index: item.index, name: item.draft.name, problems: [{ path: '', message: 'shows:import.full' }] });
    }
    const now = this.#now();
    const added: StoredShow[] = accepted
      .slice(0, room)
      .map((item) => ({ ...item.draft, id: randomUUID(), revision: 1, createdAt: now, updatedAt: now }));
    if (added.length > 0) await this.#deps.document.update((file) => ({ shows: [...file.shows, ...added] }));
    if (added.length > 0) this.#emit();
    return { imported: added.map(summaryOf), rejected: rejected.sort((a, b) => a.index - b.index) };
  }

  #checkRoom(adding: number): void {
    if (this.#deps.document.value.shows.length + adding > showLimits.showsMax) {
      throw new AppError('CONFLICT', `At most ${showLimits.showsMax} shows can be kept.`);
    }
  }

  #sorted(): StoredShow[] {
    return [...this.#deps.document.value.shows].sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
  }

  #now(): string {
    return new Date(this.#deps.clock.now()).toISOString();
  }

  #changed(id: string): StoredShow {
    this.#emit();
    return this.get(id);
  }

  #emit(): void {
    this.#deps.events.emit('shows.changed', this.list());
  }
}

export function summaryOf(show: StoredShow): ShowSummary {
  return {
    id: show.id,
    name: show.name,
    revision: show.revision,
    ...(show.plannedStart === undefined ? {} : { plannedStart: show.plannedStart }),
    taskCount: show.tasks.length,
    cueCount: show.cues.length,
    updatedAt: show.updatedAt,
  };
}

function withoutAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function copyName(name: string): string {
  return `${name} (copy)`.slice(0, showLimits.nameMax);
}
