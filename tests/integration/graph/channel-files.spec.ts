/**
 * Uploads to a channel's files through the real Graph SDK and msal-node against the loopback Entra
 * ID and Graph stand-ins: the channel's filesFolder, a simple PUT for a small file, an upload
 * session in 320 KiB-multiple chunks (threshold lowered so a test file takes that path), with the
 * chunks sent to the session URL without our bearer token.
 */
import { createLogger } from '../../../bot/src/logger';
import { GraphClient } from '../../../bot/src/graph/graph-client';
import { ChannelFiles } from '../../../bot/src/graph/channel-files';
import { GraphAccessError } from '../../../bot/src/graph/graph-errors';
import { MsalTokenProvider } from '../../../bot/src/graph/msal-token.provider';
import { graphScope } from '../../../bot/src/graph/msal-configuration';
import { EntraTokenServer } from '../../support/entra-token.server';
import { graphFixture, GraphTestServer } from '../../support/graph.server';

const TEAM = '5f1c6a77-3b2e-4c1d-9f0a-0000000000aa';
const CHANNEL = '19:samverkan@thread.tacv2';
const KIB = 1024;

describe('channel files over loopback Entra ID and Graph', () => {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  let client: GraphClient;

  beforeAll(async () => {
    await entra.start();
    await graph.start();
    graph.acceptsToken = (token) => entra.issued.has(token);
    graph.artifacts.addChannel(TEAM, CHANNEL);
    const tokens = new MsalTokenProvider(
      { clientId: entra.clientId, tenantId: entra.tenantId, authority: entra.url, clientSecret: entra.clientSecret, certificate: null },
      graphScope(graph.url), createLogger('silent'),
    );
    client = new GraphClient({ baseUrl: graph.url, tokens, retryDelaySeconds: 0, maxRetries: 1 });
  });
  afterAll(async () => {
    await graph.stop();
    await entra.stop();
  });

  it('uploads a small document with one PUT into the channel folder and returns its webUrl', async () => {
    const before = graph.calls.length;
    const bytes = Buffer.from('PK\u0003\u0004 ett litet utkast');
    const name = 'Protokoll Samverkansgrupp att åldras 2024-02-16 v1.docx';
    const { webUrl } = await new ChannelFiles(client).upload({ teamGraphId: TEAM, channelId: CHANNEL }, name, bytes);
    const folder = graphFixture('channel-filesfolder.json');
    expect(webUrl).toBe(`${folder.webUrl}/${encodeURIComponent(name)}`);
    const calls = graph.calls.slice(before);
    expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ['GET', `/v1.0/teams/${TEAM}/channels/${CHANNEL}/filesFolder`, 200],
      ['PUT', `/v1.0/drives/${folder.parentReference.driveId}/items/${folder.id}:/${name}:/content`, 201],
    ]);
    expect(calls[1]!.query.get('@microsoft.graph.conflictBehavior')).toBe('replace');
    expect(graph.artifacts.files.at(-1)).toMatchObject({ name, via: 'simple' });
    expect(graph.artifacts.files.at(-1)!.bytes.equals(bytes)).toBe(true);
  });

  it('uploads a larger document through an upload session, chunks without the bearer token', async () => {
    const before = graph.calls.length;
    const bytes = Buffer.alloc(1000 * KIB, 7);
    bytes.write('PK', 0);
    const name = 'Protokoll Samverkansgrupp att åldras 2024-02-16 justerat.docx';
    const files = new ChannelFiles(client, { simpleUploadLimit: 100 * KIB, chunkSize: 320 * KIB });
    const { webUrl } = await files.upload({ teamGraphId: TEAM, channelId: CHANNEL }, name, bytes);
    expect(webUrl).toMatch(/justerat\.docx$/);
    const calls = graph.calls.slice(before);
    expect(calls.map((c) => [c.method, c.path.replace(/^\/v1\.0\/drives\/.*:\//, '…:/'), c.status, c.contentRange ?? null])).toEqual([
      ['GET', `/v1.0/teams/${TEAM}/channels/${CHANNEL}/filesFolder`, 200, null],
      ['POST', '…:/createUploadSession', 200, null],
      ['PUT', '/upload/s1', 202, 'bytes 0-327679/1024000'],
      ['PUT', '/upload/s1', 202, 'bytes 327680-655359/1024000'],
      ['PUT', '/upload/s1', 202, 'bytes 655360-983039/1024000'],
      ['PUT', '/upload/s1', 201, 'bytes 983040-1023999/1024000'],
    ]);
    expect(calls.filter((c) => c.path.startsWith('/upload/')).every((c) => c.authorization === undefined)).toBe(true);
    expect(calls[1]!.authorization).toMatch(/^Bearer /);
    expect(JSON.parse(calls[1]!.body!.toString())).toEqual({ item: { '@microsoft.graph.conflictBehavior': 'replace' } });
    const stored = graph.artifacts.files.find((f) => f.name === name)!;
    expect([stored.via, stored.bytes.equals(bytes)]).toEqual(['session', true]);
  });

  it('fails with a GraphAccessError when the team is unknown (404)', async () => {
    const error = await new ChannelFiles(client).upload({ teamGraphId: 'okänt', channelId: CHANNEL }, 'x.docx', Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAccessError);
    expect((error as GraphAccessError).problem).toBe('not-found');
  });
});
