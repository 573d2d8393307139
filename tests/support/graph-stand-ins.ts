/**
 * The loopback Entra ID token endpoint and Graph server most Graph tests need, started before the
 * suite and stopped after it. Graph accepts only tokens this Entra stand-in issued; `env` (filled in
 * once started) points the server at both.
 */
import { EntraTokenServer } from './entra-token.server';
import { GraphTestServer } from './graph.server';

export interface GraphStandIns {
  entra: EntraTokenServer;
  graph: GraphTestServer;
  env: Record<string, string>;
}

export function useGraphStandIns(): GraphStandIns {
  const standIns: GraphStandIns = { entra: new EntraTokenServer(), graph: new GraphTestServer(), env: {} };
  beforeAll(async () => {
    await standIns.entra.start();
    await standIns.graph.start();
    standIns.graph.acceptsToken = (token) => standIns.entra.issued.has(token);
    Object.assign(standIns.env, standIns.entra.env(standIns.graph.url));
  });
  afterAll(async () => {
    await standIns.graph.stop();
    await standIns.entra.stop();
  });
  return standIns;
}
