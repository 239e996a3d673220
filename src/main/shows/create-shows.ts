import { AppError } from '../../shared/contract';
import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { StoredDocument } from '../storage/stored-document';
import type { PresetsPort } from './ports';
import type { ShowsFile } from './show-document';
import { ShowLibrary } from './show-library';

export interface ShowsDeps {
  document: StoredDocument<ShowsFile>;
  events: EventBus;
  clock: Clock;
  presets: PresetsPort;
}

export interface ShowsService {
  library: ShowLibrary;
}

const notYet = (): never => {
  throw new AppError('UNSUPPORTED', 'Running shows is not built yet.');
};

/** The shows domain: saved run-sheets, their pre-flight and runs. */
export function createShows(deps: ShowsDeps): DomainParts<'shows', ShowsService> {
  const library = new ShowLibrary({ document: deps.document, presets: deps.presets, events: deps.events, clock: deps.clock });
  return {
    service: { library },
    handlers: {
      list: () => library.list(),
      get: ({ id }) => library.get(id),
      save: ({ id, revision, draft }) => library.save(draft, id, revision),
      duplicate: ({ id }) => library.duplicate(id),
      remove: ({ id }) => library.remove(id),
      exportJson: ({ ids }) => library.exportJson(ids),
      importJson: ({ json }) => library.importJson(json),
      exportCsv: notYet,
      importCsv: notYet,
      preflight: notYet,
      lastPreflight: () => null,
      arm: notYet,
      run: () => null,
      go: notYet,
      hold: notYet,
      resume: notYet,
      skip: notYet,
      jump: notYet,
      fire: notYet,
      disarm: notYet,
      setFault: notYet,
    },
    close: async () => {},
  };
}
