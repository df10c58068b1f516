import { describe, expect, it } from 'vitest';
import { clearBoardToken, loadBoardToken, saveBoardToken, TOKEN_STORAGE_KEY, type KeyValueStorage } from './token-store';

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const broken: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('board token storage', () => {
  it('remembers the token of a pairing and forgets it when asked', () => {
    const storage = memory();
    expect(loadBoardToken(storage)).toBeNull();
    expect(saveBoardToken({ token: 'wbt_x', boardId: 'floor', tokenId: 't1' }, storage)).toBe(true);
    expect(loadBoardToken(storage)).toEqual({ token: 'wbt_x', boardId: 'floor', tokenId: 't1' });
    clearBoardToken(storage);
    expect(storage.data.has(TOKEN_STORAGE_KEY)).toBe(false);
  });

  it('takes garbage for no token', () => {
    const storage = memory();
    storage.setItem(TOKEN_STORAGE_KEY, '{not json');
    expect(loadBoardToken(storage)).toBeNull();
    storage.setItem(TOKEN_STORAGE_KEY, JSON.stringify({ token: '' }));
    expect(loadBoardToken(storage)).toBeNull();
  });

  it('never throws, even where the browser keeps nothing', () => {
    expect(loadBoardToken(broken)).toBeNull();
    expect(saveBoardToken({ token: 't', boardId: 'b', tokenId: 'i' }, broken)).toBe(false);
    expect(() => clearBoardToken(broken)).not.toThrow();
    expect(saveBoardToken({ token: 't', boardId: 'b', tokenId: 'i' }, null)).toBe(false);
  });
});
