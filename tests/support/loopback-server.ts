/**
 * What every stand-in server on loopback (Bot Connector, Entra ID, Bot Framework metadata, Graph)
 * shares: a free port on 127.0.0.1, its URL, a stop that does not wait for keep-alive sockets, and
 * `hang()`: requests whose path matches are accepted and then left unanswered for a minute, as a
 * dependency does when it is overloaded or a network path drops packets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** How long a hanging stand-in holds a request: far longer than any timeout the tests configure. */
export const HANG_MS = 60_000;

export abstract class LoopbackServer {
  private server: http.Server | null = null;
  url = '';
  private hangs: RegExp[] = [];
  private readonly held = new Set<NodeJS.Timeout>();
  /** paths of the requests that were held (a hang that nobody asked for proves nothing) */
  readonly hung: string[] = [];

  protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): void;

  /** From now on, requests whose path matches get no answer for HANG_MS (then the normal one). */
  hang(path: RegExp = /./): void {
    this.hangs.push(path);
  }

  /** Answers again at once (requests already held stay held). */
  stopHanging(): void {
    this.hangs = [];
  }

  private dispatch(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!this.hangs.some((match) => match.test(path))) return this.handle(req, res);
    this.hung.push(path);
    const timer = setTimeout(() => {
      this.held.delete(timer);
      this.handle(req, res);
    }, HANG_MS);
    this.held.add(timer);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.dispatch(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.held.forEach((timer) => clearTimeout(timer));
    this.held.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** An RS256 signing key published in a JWKS, and a second one that is not (for "wrong key" tests). */
export class TestSigningKey {
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });

  constructor(readonly kid: string) {}

  /** the JWKS document, each key with `extra` members (e.g. endorsements) */
  jwks(extra: Record<string, unknown> = {}): { keys: unknown[] } {
    return { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', ...extra }] };
  }

  sign(payload: object, options: jwt.SignOptions, foreignKey = false): string {
    const privateKey: KeyObject = foreignKey ? this.foreign.privateKey : this.key.privateKey;
    return jwt.sign(payload, privateKey, { algorithm: 'RS256', keyid: this.kid, ...options });
  }
}
