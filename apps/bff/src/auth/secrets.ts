import { hash, randomBytes } from 'node:crypto';

/** A new secret of 256 bits, URL-safe: session cookies and API tokens. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the server stores of a secret: its SHA-256 (node:crypto's one-shot hash, asked on every request). */
export function digest(secret: string): string {
  return hash('sha256', secret, 'hex');
}
