import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { StoredDocument } from '../storage/stored-document';
import type { MediaLibrary } from './media-document';
import { createMediaHandlers } from './media-handlers';
import { MediaService } from './media-service';
import type { MediaUsage } from './media-usage';

export interface MediaDeps {
  document: StoredDocument<MediaLibrary>;
  events: EventBus;
  clock: Clock;
  /** Who uses an entry (the presets domain): deleting one says which presets it leaves without media. */
  usage: MediaUsage;
}

/** The media domain: the library of sources, probed on import. */
export function createMedia(deps: MediaDeps): DomainParts<'media', MediaService> {
  const media = new MediaService(deps);
  return { service: media, handlers: createMediaHandlers(media), close: () => media.close() };
}
