import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/*
 * Passwords are hashed with scrypt from node:crypto: memory-hard, built into Node, nothing to
 * download or compile. N = 2^15, r = 8, p = 1 needs 32 MiB per hash, about 60 ms here.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((ok, fail) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, options, (err, key) => (err ? fail(err) : ok(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal names. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The most common passwords of 12 characters or more, refused whatever else they have. */
const COMMON = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678910',
    'password1234',
    'password12345',
    'passwordpassword',
    'qwertyuiopas',
    'qwerty123456',
    '1q2w3e4r5t6y',
    'iloveyou1234',
    'administrator',
    'administrator1',
    'adminadminadmin',
    'letmein12345',
    'welcome12345',
    'welcome123456',
    'changeme1234',
    'p@ssw0rd1234',
    'passw0rd1234',
    'abcdefghijkl',
    'abc123abc123',
    '111111111111',
    '000000000000',
    'aaaaaaaaaaaa',
    'qwertyqwerty',
    'asdfghjklzxc',
    'zaq12wsxcde3',
    '1qaz2wsx3edc',
    'football1234',
    'baseball1234',
    'superman1234',
    'trustno11234',
    'dragon123456',
    'monkey123456',
    'sunshine1234',
    'princess1234',
    'starwars1234',
    'whatever1234',
    'qazwsxedcrfv',
    'password123!',
    'Password123!',
    'Password1234',
    'dataprotection',
    'backupbackup',
    'dpmadministrator',
  ].map((p) => p.toLowerCase()),
);

/** The password policy: 12 to 128 characters, no composition rules, common passwords refused. */
export function passwordProblem(password: string, username?: string): string | null {
  const length = [...password].length;
  if (length < 12) return 'The password must have at least 12 characters.';
  if (length > 128) return 'The password can have at most 128 characters.';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'This password is too common; choose another.';
  if (username && lower.includes(username.toLowerCase())) return 'The password must not contain the user name.';
  return null;
}
