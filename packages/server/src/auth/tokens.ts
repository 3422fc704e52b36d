// Credentials are random, prefixed by kind, and stored only as a SHA-256 hash: a leaked table leaks no key.
import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'sk' | 'pk' | 'cs';

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(24).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What a listing may show of a key without revealing it. */
export function displayPrefix(token: string): string {
  return `${token.slice(0, 7)}…`;
}

const TOKEN_SHAPE = /^(sk|pk|cs)_[A-Za-z0-9_-]{20,64}$/;

export function tokenKind(token: string): TokenKind | undefined {
  return TOKEN_SHAPE.test(token) ? (token.slice(0, 2) as TokenKind) : undefined;
}
