import type { Domain } from '../../shared/contract';
import type { DomainHandlers } from '../rpc/handlers';

/**
 * The one shape every domain in src/main is built in: `create<Domain>(deps)` takes the ports it
 * needs (all required: a domain is never half wired) and returns its service (what other domains
 * may be given as a port), its contract handlers, and how to let go of what it holds.
 */
export interface DomainParts<D extends Domain, Service> {
  readonly service: Service;
  readonly handlers: DomainHandlers<D>;
  close(): Promise<void>;
}
