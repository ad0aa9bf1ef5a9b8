import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './paging';

describe('keyset cursors', () => {
  it('read back what they were made of: a text, a number or no sort value, and the row id', () => {
    for (const c of [
      { v: 'DS1 \u00e9', id: 'r-1' },
      { v: 1_700_000_000_000, id: 'r-2' },
      { v: null, id: 'r-3' },
    ]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });

  it('read as no cursor when missing or not one of theirs', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor('not base64 json')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"v":{},"id":"x"}').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"v":1,"id":2}').toString('base64url'))).toBeNull();
  });

  it('a page has a next cursor only when a row beyond it was read, naming its last row', () => {
    const rows = [
      { id: 'a', s: 1 },
      { id: 'b', s: 2 },
      { id: 'c', s: 3 },
    ];
    const full = toPage(rows, 2, 3, (r) => r.s);
    expect(full.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(decodeCursor(full.nextCursor ?? undefined)).toEqual({ v: 2, id: 'b' });
    expect(toPage(rows, 3, 3, (r) => r.s).nextCursor).toBeNull();
  });
});
