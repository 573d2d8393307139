/** A throwaway self-signed certificate and key (PEM) for certificate sign-in tests, made with openssl. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTestCertificate(): { directory: string; pemPath: string; certificatePem: string } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-cert-'));
  const key = path.join(directory, 'key.pem');
  const cert = path.join(directory, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=protokoll-test'], { stdio: 'ignore' });
  const certificatePem = fs.readFileSync(cert, 'utf8');
  const pemPath = path.join(directory, 'app.pem');
  fs.writeFileSync(pemPath, fs.readFileSync(key, 'utf8') + certificatePem);
  return { directory, pemPath, certificatePem };
}
