import { describe, expect, it } from 'vitest';
import { DEFAULT_DWELL_SECONDS, parseOptions } from './options';

describe('page options', () => {
  it('reads team and token', () => {
    const o = parseOptions('?team=emea&token=abc%2B1');
    expect(o.teamId).toBe('emea');
    expect(o.token).toBe('abc+1');
    expect(o.slides).toEqual(['leaderboard', 'pace']);
    expect(o.dwellSeconds).toBe(DEFAULT_DWELL_SECONDS);
    expect(o.mock).toBe(false);
  });

  it('reads the slides and the dwell, ignoring unknown slides and bad numbers', () => {
    expect(parseOptions('?slides=pace,bogus,PACE,leaderboard&dwell=45')).toMatchObject({
      slides: ['pace', 'leaderboard'],
      dwellSeconds: 45,
    });
    expect(parseOptions('?slides=bogus&dwell=abc').slides).toEqual(['leaderboard', 'pace']);
    expect(parseOptions('?dwell=1').dwellSeconds).toBe(5);
    expect(parseOptions('?dwell=-3').dwellSeconds).toBe(DEFAULT_DWELL_SECONDS);
  });

  it('reads a board to open', () => {
    expect(parseOptions('?board=floor&token=k')).toMatchObject({ boardId: 'floor', teamId: null, token: 'k' });
    expect(parseOptions('').boardId).toBeNull();
  });

  it('treats empty values as missing', () => {
    expect(parseOptions('?team=&token=%20')).toMatchObject({ teamId: null, token: null });
  });

  it('never runs demo data on a real link (one with a token)', () => {
    expect(parseOptions('?mock=1').mock).toBe(true);
    expect(parseOptions('?team=emea&token=t&mock=1').mock).toBe(false);
  });

  it('takes a locale only when the browser knows it', () => {
    expect(parseOptions('?lang=de-DE').locale).toBe('de-DE');
    expect(parseOptions('?lang=not a locale!').locale).toBeUndefined();
  });
});
