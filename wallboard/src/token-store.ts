/** What a paired TV remembers: its board token (and, for the record, its board and the token's id). */
export interface StoredBoardToken {
  token: string;
  boardId: string;
  tokenId: string;
}

export const TOKEN_STORAGE_KEY = 'salescoach.wallboard.token';

/** Storage as the page sees it; `localStorage` can throw (a private window, a kiosk with storage off). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The board token a pairing left in this browser, or null. */
export function loadBoardToken(storage: KeyValueStorage | null = safeLocalStorage()): StoredBoardToken | null {
  try {
    const raw = storage?.getItem(TOKEN_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredBoardToken>;
    return typeof parsed.token === 'string' && parsed.token !== ''
      ? { token: parsed.token, boardId: String(parsed.boardId ?? ''), tokenId: String(parsed.tokenId ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** Remembers the board token of a pairing. False when the browser keeps nothing (the TV then pairs at each load). */
export function saveBoardToken(value: StoredBoardToken, storage: KeyValueStorage | null = safeLocalStorage()): boolean {
  try {
    storage?.setItem(TOKEN_STORAGE_KEY, JSON.stringify(value));
    return storage !== null;
  } catch {
    return false;
  }
}

/** Forgets the board token (revoked). */
export function clearBoardToken(storage: KeyValueStorage | null = safeLocalStorage()): void {
  try {
    storage?.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Nothing to forget where nothing is kept.
  }
}

function safeLocalStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
