import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import {
  type ExportedFile,
  type ExportFormat,
  type ImportFormat,
  type ImportRejection,
  type ImportReport,
  type MediaDraft,
  type MediaEntry,
  type MediaProbe,
  mediaLimits,
} from '../../shared/contract/media';
import { cleanName, cleanNotes, defaultName, normaliseTags } from '../../shared/media/entry-fields';
import { parseImport, writeExport } from '../../shared/media/formats';
import { excerpt } from '../../shared/media/formats/parsed-import';
import { checkMediaUrl, mediaUrlProblemMessages } from '../../shared/media/url-rules';
import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { StoredDocument } from '../storage/stored-document';
import type { MediaLibrary } from './media-document';
import { type MediaUsage, noMediaUsage } from './media-usage';
import { type ProbeOptions, probeMediaUrl } from './probe';

export interface MediaServiceDeps {
  document: StoredDocument<MediaLibrary>;
  events: EventBus;
  clock: Clock;
  usage?: MediaUsage;
  /** Replaceable for tests of the service's bookkeeping; the real probe is tested on its own. */
  probe?: (url: string, options: ProbeOptions) => Promise<MediaProbe>;
  probeTimeoutMs?: number;
  /** Probes running at once (imports can ask for thousands). */
  probeConcurrency?: number;
}

export interface EntryPatch {
  url?: string;
  name?: string;
  tags?: string[];
  notes?: string;
}

/** Whether to probe what was added, and the asking call's signal, whose abort cancels those probes. */
export interface ProbeRequest {
  probe?: boolean;
  signal?: AbortSignal;
}

/**
 * The library: entries with validated, de-duplicated URLs; probes run in the background and report
 * through events. Every change is one atomic document write and one `media.changed` event.
 */
export class MediaService {
  readonly #deps: MediaServiceDeps;
  readonly #usage: MediaUsage;
  readonly #running = new Map<string, AbortController>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #queued: string[] = [];
  /** Per probe started with a caller's signal: stops listening to it once the probe is over. */
  readonly #unfollow = new Map<string, () => void>();
  #indexOf: MediaLibrary | null = null;
  #byId = new Map<string, MediaEntry>();
  #byUrl = new Map<string, string>();
  #closed = false;

  constructor(deps: MediaServiceDeps) {
    this.#deps = deps;
    this.#usage = deps.usage ?? noMediaUsage;
  }

  list(): MediaEntry[] {
    return this.#deps.document.value.entries;
  }

  get(id: string): MediaEntry {
    const entry = this.#index().byId.get(id);
    if (!entry) throw new AppError('NOT_FOUND', 'No library entry with this id.', { id });
    return entry;
  }

  async add(draft: MediaDraft, options: ProbeRequest = {}): Promise<MediaEntry> {
    const check = acceptUrl(draft.url);
    const now = this.#now();
    const entry: MediaEntry = {
      id: randomUUID(),
      url: check.url,
      name: cleanName(draft.name ?? '') || defaultName(check.url),
      tags: normaliseTags(draft.tags ?? []),
      notes: cleanNotes(draft.notes ?? ''),
      addedAt: now,
      updatedAt: now,
      lastUsedAt: null,
      lastProbe: null,
      preview: null,
    };
    await this.#deps.document.update((library) => {
      this.#refuseDuplicate(check.normalised);
      return { entries: [...library.entries, entry] };
    });
    this.#emit([entry], []);
    if (options.probe) this.probe(entry.id, options.signal);
    return entry;
  }

  async update(id: string, patch: EntryPatch): Promise<MediaEntry> {
    const check = patch.url === undefined ? null : acceptUrl(patch.url);
    let updated: MediaEntry | undefined;
    await this.#deps.document.update((library) => {
      const current = this.get(id);
      if (check) this.#refuseDuplicate(check.normalised, id);
      const urlChanged = check !== null && check.url !== current.url;
      updated = {
        ...current,
        url: check?.url ?? current.url,
        name: patch.name === undefined ? current.name : cleanName(patch.name) || defaultName(check?.url ?? current.url),
        tags: patch.tags === undefined ? current.tags : normaliseTags(patch.tags),
        notes: patch.notes === undefined ? current.notes : cleanNotes(patch.notes),
        updatedAt: this.#now(),
        // What was learnt about the old URL says nothing about the new one.
        lastProbe: urlChanged ? null : current.lastProbe,
        preview: urlChanged ? null : current.preview,
      };
      const next = updated;
      return { entries: library.entries.map((entry) => (entry.id === id ? next : entry)) };
    });
    const entry = updated as MediaEntry;
    this.#emit([entry], []);
    return entry;
  }

  /** Deletes entries; if a preset uses one, answers CONFLICT naming the presets unless `force`. */
  async delete(ids: string[], force = false): Promise<string[]> {
    const wanted = new Set(ids);
    for (const id of wanted) this.get(id);
    if (!force) {
      const users = [];
      for (const id of wanted) {
        const presets = await this.#usage.usersOf(id);
        if (presets.length > 0) users.push({ mediaId: id, name: this.get(id).name, presets });
      }
      if (users.length > 0) {
        const names = [...new Set(users.flatMap((user) => user.presets.map((preset) => preset.name)))];
        throw new AppError('CONFLICT', `In use by presets: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`, { users });
      }
    }
    for (const id of wanted) this.cancelProbe(id);
    await this.#deps.document.update((library) => ({ entries: library.entries.filter((entry) => !wanted.has(entry.id)) }));
    const removed = [...wanted];
    this.#emit([], removed);
    return removed;
  }

  async tag(ids: string[], add: string[] = [], remove: string[] = []): Promise<number> {
    const wanted = new Set(ids);
    const adding = normaliseTags(add);
    const removing = new Set(normaliseTags(remove));
    const now = this.#now();
    const changed: MediaEntry[] = [];
    await this.#deps.document.update((library) => ({
      entries: library.entries.map((entry) => {
        if (!wanted.has(entry.id)) return entry;
        const tags = normaliseTags([...entry.tags.filter((tag) => !removing.has(tag)), ...adding]);
        if (tags.join('\n') === entry.tags.join('\n')) return entry;
        const next = { ...entry, tags, updatedAt: now };
        changed.push(next);
        return next;
      }),
    }));
    if (changed.length > 0) this.#emit(changed, []);
    return changed.length;
  }

  async reportPreview(
    id: string,
    preview: { durationSeconds: number | null; width: number | null; height: number | null },
  ): Promise<MediaEntry> {
    return this.#patch(id, (entry) => ({ ...entry, preview: { ...preview, at: this.#now() } }));
  }

  /** For the tasks domain: the entry was pushed into a room just now. */
  async markUsed(id: string): Promise<MediaEntry> {
    return this.#patch(id, (entry) => ({ ...entry, lastUsedAt: this.#now() }));
  }

  async import(format: ImportFormat, text: string, options: ProbeRequest = {}): Promise<ImportReport> {
    const parsed = parseImport(format, text);
    const rejected: ImportRejection[] = [...parsed.rejected];
    const added: MediaEntry[] = [];
    const now = this.#now();
    await this.#deps.document.update((library) => {
      const known = this.#index().byUrl;
      const inFile = new Set<string>();
      for (const candidate of parsed.candidates) {
        const check = checkMediaUrl(candidate.url);
        const text = excerpt(candidate.url);
        if (!check.ok) {
          rejected.push({ line: candidate.line, text, problem: check.problem, detail: check.scheme });
          continue;
        }
        if (known.has(check.normalised)) {
          rejected.push({ line: candidate.line, text, problem: 'duplicate' });
          continue;
        }
        if (inFile.has(check.normalised)) {
          rejected.push({ line: candidate.line, text, problem: 'duplicateInFile' });
          continue;
        }
        if (library.entries.length + added.length >= mediaLimits.entries) {
          rejected.push({ line: candidate.line, text, problem: 'tooMany' });
          continue;
        }
        inFile.add(check.normalised);
        added.push({
          id: randomUUID(),
          url: check.url,
          name: cleanName(candidate.name ?? '') || defaultName(check.url),
          tags: normaliseTags(candidate.tags ?? []),
          notes: cleanNotes(candidate.notes ?? ''),
          addedAt: now,
          updatedAt: now,
          lastUsedAt: null,
          lastProbe: null,
          preview: null,
        });
      }
      return { entries: [...library.entries, ...added] };
    });
    rejected.sort((a, b) => a.line - b.line);
    if (added.length > 0) this.#emit(added, []);
    if (options.probe)
      this.#probeAll(
        added.map((entry) => entry.id),
        options.signal,
      );
    return { added: added.length, rejected };
  }

  export(format: ExportFormat, ids?: string[]): ExportedFile {
    const wanted = ids ? new Set(ids) : null;
    const entries = wanted ? this.list().filter((entry) => wanted.has(entry.id)) : this.list();
    return writeExport(format, entries, this.#now());
  }

  /**
   * Queues a probe of the entry's URL; answers at once. False if one is already running or queued, or
   * `signal` (the asking call's: its window closed, the app is closing) has aborted; its abort cancels the probe.
   */
  probe(id: string, signal?: AbortSignal): boolean {
    this.get(id);
    return this.#probeAll([id], signal) === 1;
  }

  /**
   * Queues the probes of `ids` not already queued or running; how many were. One listener on `signal`
   * for them all (an import can queue thousands), removed once the last of them is over.
   */
  #probeAll(ids: string[], signal?: AbortSignal): number {
    if (this.#closed || signal?.aborted) return 0;
    const queued = ids.filter((id) => !this.#running.has(id) && !this.#queued.includes(id));
    this.#queued.push(...queued);
    if (signal && queued.length > 0) {
      const pending = new Set(queued);
      const cancel = () => {
        for (const id of [...pending]) this.cancelProbe(id);
      };
      signal.addEventListener('abort', cancel, { once: true });
      for (const id of queued) {
        this.#unfollow.set(id, () => {
          pending.delete(id);
          if (pending.size === 0) signal.removeEventListener('abort', cancel);
        });
      }
    }
    this.#pump();
    return queued.length;
  }

  cancelProbe(id: string): boolean {
    const queuedAt = this.#queued.indexOf(id);
    if (queuedAt >= 0) {
      this.#queued.splice(queuedAt, 1);
      this.#settled(id);
      return true;
    }
    const controller = this.#running.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  /** Resolves once nothing is probing (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#queued.length = 0;
    for (const controller of this.#running.values()) controller.abort();
    await this.idle();
  }

  #pump(): void {
    const limit = this.#deps.probeConcurrency ?? 4;
    while (this.#running.size < limit && this.#queued.length > 0) {
      const id = this.#queued.shift() as string;
      const controller = new AbortController();
      this.#running.set(id, controller);
      const run = this.#runProbe(id, controller.signal)
        .catch(() => undefined)
        .finally(() => {
          this.#running.delete(id);
          this.#settled(id);
          this.#inFlight.delete(run);
          this.#pump();
        });
      this.#inFlight.add(run);
    }
  }

  #settled(id: string): void {
    this.#unfollow.get(id)?.();
    this.#unfollow.delete(id);
  }

  async #runProbe(id: string, signal: AbortSignal): Promise<void> {
    const entry = this.#index().byId.get(id);
    if (!entry) return;
    const probe = this.#deps.probe ?? probeMediaUrl;
    const result = await probe(entry.url, { clock: this.#deps.clock, signal, timeoutMs: this.#deps.probeTimeoutMs });
    // The entry may have been deleted or its URL changed while the probe ran: then the result is stale.
    const current = this.#index().byId.get(id);
    if (!current || current.url !== entry.url) return;
    try {
      await this.#patch(id, (latest) => ({ ...latest, lastProbe: result }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return;
    }
    this.#deps.events.emit('media.probeFinished', { id, probe: result });
  }

  async #patch(id: string, change: (entry: MediaEntry) => MediaEntry): Promise<MediaEntry> {
    let updated: MediaEntry | undefined;
    await this.#deps.document.update((library) => {
      const next = change(this.get(id));
      updated = next;
      return { entries: library.entries.map((entry) => (entry.id === id ? next : entry)) };
    });
    const entry = updated as MediaEntry;
    this.#emit([entry], []);
    return entry;
  }

  #refuseDuplicate(normalised: string, exceptId?: string): void {
    const existing = this.#index().byUrl.get(normalised);
    if (existing !== undefined && existing !== exceptId) {
      const entry = this.#index().byId.get(existing);
      throw new AppError('CONFLICT', `This URL is already in the library as "${entry?.name ?? existing}".`, {
        duplicateOf: existing,
        name: entry?.name,
      });
    }
  }

  /** Lookups by id and by normalised URL, rebuilt whenever the document's value changed. */
  #index(): { byId: Map<string, MediaEntry>; byUrl: Map<string, string> } {
    const library = this.#deps.document.value;
    if (this.#indexOf !== library) {
      this.#byId = new Map(library.entries.map((entry) => [entry.id, entry]));
      this.#byUrl = new Map();
      for (const entry of library.entries) {
        const check = checkMediaUrl(entry.url);
        if (check.ok) this.#byUrl.set(check.normalised, entry.id);
      }
      this.#indexOf = library;
    }
    return { byId: this.#byId, byUrl: this.#byUrl };
  }

  #emit(upserted: MediaEntry[], removed: string[]): void {
    this.#deps.events.emit('media.changed', { upserted, removed });
  }

  #now(): string {
    return new Date(this.#deps.clock.now()).toISOString();
  }
}

function acceptUrl(raw: string): { url: string; normalised: string } {
  const check = checkMediaUrl(raw);
  if (!check.ok) {
    throw new AppError('INVALID_INPUT', mediaUrlProblemMessages[check.problem], { problem: check.problem, scheme: check.scheme });
  }
  return check;
}
