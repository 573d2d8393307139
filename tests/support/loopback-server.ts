/**
 * What every stand-in server on loopback (Bot Connector, Entra ID, Bot Framework metadata, Graph)
 * shares: a free port on 127.0.0.1, its URL, and a stop that does not wait for keep-alive sockets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export abstract class LoopbackServer {
  private server: http.Server | null = null;
  url = '';

  protected abstract handle(req: http.IncomingMessage, res: http.ServerResponse): void;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
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
