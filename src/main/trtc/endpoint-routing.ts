import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { type Site, sites } from '../../shared/trtc/sites';

/** Where a profile's requests go. `host:port` is where the connection is made. */
export interface EndpointTarget {
  scheme: 'https' | 'http';
  host: string;
  port: number;
}

/** What to hand the SDK: the endpoint it signs for, its protocol, and (when routed) an agent. */
export interface SdkEndpoint {
  /** Host[:port] the SDK puts in the URL and Host header, and whose first label it signs as service. */
  endpoint: string;
  protocol: 'https://' | 'http://';
  agent?: HttpAgent;
}

/**
 * The SDK derives the signing service from the endpoint's first label (`endpoint.split(".")[0]`).
 * A target whose host starts with `trtc.` is used as is. Any other target (127.0.0.1 for the
 * sandbox, a private gateway) keeps the site's real host name, so the request is signed exactly as
 * production signs it (service `trtc`, the real Host), and an agent routes the connection instead.
 */
export function sdkEndpointFor(site: Site, target: EndpointTarget | null): SdkEndpoint {
  if (!target) return { endpoint: sites[site].endpoint, protocol: 'https://' };
  const protocol = target.scheme === 'https' ? 'https://' : 'http://';
  const defaultPort = target.scheme === 'https' ? 443 : 80;
  if (target.host.split('.')[0] === 'trtc') {
    return { endpoint: target.port === defaultPort ? target.host : `${target.host}:${target.port}`, protocol };
  }
  return { endpoint: sites[site].endpoint, protocol, agent: routedAgent(target) };
}

function routedAgent(target: EndpointTarget): HttpAgent {
  if (target.scheme === 'http') {
    const agent = new HttpAgent({ keepAlive: true });
    agent.createConnection = () => netConnect({ host: target.host, port: target.port });
    return agent;
  }
  const agent = new HttpsAgent({ keepAlive: true });
  agent.createConnection = () => tlsConnect({ host: target.host, port: target.port, servername: target.host });
  return agent;
}
