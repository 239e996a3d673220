import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../shared/contract';
import {
  type ImportReport,
  type PresetDraft,
  type PresetView,
  presetLimits,
  type presetSecretsInput,
  type StoredPreset,
} from '../../shared/contract/presets';
import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredDocument } from '../storage/stored-document';
import type { PresetsFile } from './preset-document';
import { exportPresets, parsePresetImport } from './preset-exchange';
import { type PresetSecretKind, presetSecretKey, presetSecretKinds } from './preset-secrets';

type SecretsInput = z.output<typeof presetSecretsInput>;

export interface PresetServiceDeps {
  document: StoredDocument<PresetsFile>;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  newId?: () => string;
}

/**
 * Presets in the user's order. A pasted UserSig/PrivateMapKey goes to the keychain under
 * `preset:<id>:userSig|privateMapKey`; it is deleted when the preset stops pasting, and with the
 * preset. presets.json and exports never hold one.
 */
export class PresetService {
  readonly #deps: PresetServiceDeps;
  readonly #newId: () => string;

  constructor(deps: PresetServiceDeps) {
    this.#deps = deps;
    this.#newId = deps.newId ?? randomUUID;
  }

  async list(): Promise<PresetView[]> {
    return this.#views(this.#sorted());
  }

  get(id: string): StoredPreset {
    const preset = this.#deps.document.value.presets.find((candidate) => candidate.id === id);
    if (!preset) throw new AppError('NOT_FOUND', 'No preset has this id.', { id });
    return preset;
  }

  /** Every preset in the user's order (shows look theirs up by id or name). */
  all(): StoredPreset[] {
    return this.#sorted();
  }

  /** Presets whose media is this library entry (the media library asks before deleting one). */
  usingMedia(entryId: string): StoredPreset[] {
    return this.#sorted().filter((preset) => preset.media.kind === 'library' && preset.media.entryId === entryId);
  }

  /** A pasted ticket, for the launch in main only. */
  pastedSecret(id: string, kind: PresetSecretKind): Promise<string | null> {
    return this.#deps.secrets.get(presetSecretKey(id, kind));
  }

  async create(draft: PresetDraft, secrets?: SecretsInput): Promise<PresetView> {
    this.#checkRoom();
    const now = this.#now();
    const preset: StoredPreset = { ...draft, id: this.#newId(), order: this.#nextOrder(), createdAt: now, updatedAt: now };
    // Secrets first: if the keychain refuses, nothing refers to a ticket that is not there.
    await this.#applySecrets(preset, secrets);
    await this.#deps.document.update((file) => ({ presets: [...file.presets, preset] }));
    return this.#changed(preset.id);
  }

  async update(id: string, draft: PresetDraft, secrets?: SecretsInput): Promise<PresetView> {
    const current = this.get(id);
    const next: StoredPreset = { ...current, ...draft, id, updatedAt: this.#now() };
    await this.#applySecrets(next, secrets);
    await this.#deps.document.update((file) => ({ presets: file.presets.map((preset) => (preset.id === id ? next : preset)) }));
    return this.#changed(id);
  }

  async duplicate(id: string): Promise<PresetView> {
    this.#checkRoom();
    const source = this.get(id);
    const now = this.#now();
    const copy: StoredPreset = {
      ...source,
      id: this.#newId(),
      name: copyName(source.name),
      order: source.order + 1,
      createdAt: now,
      updatedAt: now,
    };
    // The copy gets its own keychain entries, so deleting one preset leaves the other's ticket.
    for (const kind of presetSecretKinds) {
      const value = await this.#deps.secrets.get(presetSecretKey(id, kind));
      if (value !== null) await this.#deps.secrets.set(presetSecretKey(copy.id, kind), value);
    }
    await this.#deps.document.update((file) => ({
      presets: [...file.presets.map((preset) => (preset.order > source.order ? { ...preset, order: preset.order + 1 } : preset)), copy],
    }));
    return this.#changed(copy.id);
  }

  async remove(id: string): Promise<{ removed: boolean }> {
    this.get(id);
    await this.#deps.document.update((file) => ({ presets: file.presets.filter((preset) => preset.id !== id) }));
    for (const kind of presetSecretKinds) await this.#deps.secrets.delete(presetSecretKey(id, kind));
    await this.#emit();
    return { removed: true };
  }

  /** Puts the given ids first, in that order; presets not named keep their relative order after them. */
  async reorder(ids: string[]): Promise<PresetView[]> {
    const known = new Set(this.#deps.document.value.presets.map((preset) => preset.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new AppError('NOT_FOUND', 'No preset has this id.', { id: unknown });
    const named = [...new Set(ids)];
    const rest = this.#sorted()
      .map((preset) => preset.id)
      .filter((id) => !named.includes(id));
    const position = new Map([...named, ...rest].map((id, index) => [id, index]));
    await this.#deps.document.update((file) => ({
      presets: file.presets.map((preset) => ({ ...preset, order: position.get(preset.id) ?? preset.order })),
    }));
    return this.#emit();
  }

  exportJson(ids?: string[]): { json: string; count: number } {
    const chosen = ids ? this.#sorted().filter((preset) => ids.includes(preset.id)) : this.#sorted();
    return { json: exportPresets(chosen, this.#now()), count: chosen.length };
  }

  /** Adds every valid preset of the file under a new id; reports each rejected one and why. */
  async importJson(json: string): Promise<ImportReport> {
    const { accepted, rejected } = parsePresetImport(json);
    const room = presetLimits.presetsMax - this.#deps.document.value.presets.length;
    for (const item of accepted.slice(Math.max(0, room))) {
      rejected.push({ index: item.index, name: item.draft.name, problems: [{ path: '', message: 'presets:import.full' }] });
    }
    const now = this.#now();
    let order = this.#nextOrder();
    const added: StoredPreset[] = accepted
      .slice(0, Math.max(0, room))
      .map((item) => ({ ...item.draft, id: this.#newId(), order: order++, createdAt: now, updatedAt: now }));
    if (added.length > 0) await this.#deps.document.update((file) => ({ presets: [...file.presets, ...added] }));
    const views = await this.#emit();
    const addedIds = new Set(added.map((preset) => preset.id));
    return { imported: views.filter((view) => addedIds.has(view.id)), rejected: rejected.sort((a, b) => a.index - b.index) };
  }

  async #applySecrets(preset: StoredPreset, secrets: SecretsInput | undefined): Promise<void> {
    const modes: Record<PresetSecretKind, string> = { userSig: preset.userSig.mode, privateMapKey: preset.privateMapKey.mode };
    for (const kind of presetSecretKinds) {
      const key = presetSecretKey(preset.id, kind);
      const given = secrets?.[kind];
      if (modes[kind] !== 'paste' || given === null) {
        await this.#deps.secrets.delete(key);
      } else if (typeof given === 'string') {
        await this.#deps.secrets.set(key, given);
      }
    }
  }

  #checkRoom(): void {
    if (this.#deps.document.value.presets.length >= presetLimits.presetsMax) {
      throw new AppError('CONFLICT', `At most ${presetLimits.presetsMax} presets can be kept.`);
    }
  }

  #sorted(): StoredPreset[] {
    return [...this.#deps.document.value.presets].sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  }

  #nextOrder(): number {
    return this.#deps.document.value.presets.reduce((max, preset) => Math.max(max, preset.order + 1), 0);
  }

  #now(): string {
    return new Date(this.#deps.clock.now()).toISOString();
  }

  async #views(presets: StoredPreset[]): Promise<PresetView[]> {
    let keychainReadable = true;
    // Only pasting presets can hold a ticket; ask for exactly their keys (no keychain-wide search).
    const held = async (preset: StoredPreset, kind: PresetSecretKind, mode: string): Promise<boolean | null> => {
      if (mode !== 'paste') return false;
      if (!keychainReadable) return null;
      try {
        return (await this.#deps.secrets.get(presetSecretKey(preset.id, kind))) !== null;
      } catch {
        // No keychain: the presets still show; whether a ticket is pasted is unknown (null).
        keychainReadable = false;
        return null;
      }
    };
    const views: PresetView[] = [];
    for (const preset of presets) {
      views.push({
        ...preset,
        secrets: {
          userSig: await held(preset, 'userSig', preset.userSig.mode),
          privateMapKey: await held(preset, 'privateMapKey', preset.privateMapKey.mode),
        },
      });
    }
    return views;
  }

  async #emit(): Promise<PresetView[]> {
    const views = await this.list();
    this.#deps.events.emit('presets.changed', views);
    return views;
  }

  async #changed(id: string): Promise<PresetView> {
    const views = await this.#emit();
    const view = views.find((candidate) => candidate.id === id);
    if (!view) throw new AppError('INTERNAL', 'A saved preset is missing.');
    return view;
  }
}

function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, presetLimits.nameMax - suffix.length)}${suffix}`;
}
