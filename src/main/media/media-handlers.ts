import type { DomainHandlers } from '../rpc/handlers';
import type { MediaService } from './media-service';

export function createMediaHandlers(media: MediaService): DomainHandlers<'media'> {
  return {
    list: () => media.list(),
    get: ({ id }) => media.get(id),
    add: ({ probe, ...draft }, { signal }) => media.add(draft, { probe, signal }),
    update: ({ id, ...patch }) => media.update(id, patch),
    delete: async ({ ids, force }) => ({ deleted: await media.delete(ids, force) }),
    tag: async ({ ids, add, remove }) => ({ updated: await media.tag(ids, add, remove) }),
    probe: ({ id }, { signal }) => ({ started: media.probe(id, signal) }),
    cancelProbe: ({ id }) => ({ cancelled: media.cancelProbe(id) }),
    reportPreview: ({ id, ...preview }) => media.reportPreview(id, preview),
    import: ({ format, text, probe }, { signal }) => media.import(format, text, { probe, signal }),
    export: ({ format, ids }) => media.export(format, ids),
  };
}
