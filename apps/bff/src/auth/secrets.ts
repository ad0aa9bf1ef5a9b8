import { createHash, randomBytes } from 'node:crypto';

/** A new secret of 256 bits, URL-safe: session cookies and API tokens. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the server stores of a secret: its SHA-256. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
