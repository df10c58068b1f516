import { describe, expect, it } from 'vitest';
import { playlist, readConfig } from './board-config';

describe('board config', () => {
  it('takes a well-formed definition as it is', () => {
    expect(
      readConfig({ id: 'floor', title: 'Sales floor', teams: ['emea', 'amer'], slides: ['pace', 'leaderboard'], dwellSeconds: 30, theme: 'light', revision: 4 }),
    ).toEqual({ id: 'floor', title: 'Sales floor', teams: ['emea', 'amer'], slides: ['pace', 'leaderboard'], dwellSeconds: 30, theme: 'light', revision: 4 });
  });

  it('skips slides this page does not know and falls back to the default ones when none is left', () => {
    expect(readConfig({ id: 'b', teams: ['emea'], slides: ['fireworks', 'PACE', 'pace'] })!.slides).toEqual(['pace']);
    expect(readConfig({ id: 'b', teams: ['emea'], slides: ['fireworks'] })!.slides).toEqual(['leaderboard', 'pace']);
    expect(readConfig({ id: 'b', teams: ['emea'], slides: ['competitions', 'Badges'] })!.slides).toEqual(['competitions', 'badges']);
  });

  it('fills and clamps whatever is missing or out of range', () => {
    expect(readConfig({ id: 'b', teams: ['emea', 'emea', 7, ' '] })).toEqual({
      id: 'b',
      title: '',
      teams: ['emea'],
      slides: ['leaderboard', 'pace'],
      dwellSeconds: 20,
      theme: 'dark',
      revision: 0,
    });
    expect(readConfig({ id: 'b', teams: ['emea'], dwellSeconds: 1, theme: 'neon' })).toMatchObject({ dwellSeconds: 5, theme: 'dark' });
    expect(readConfig({ id: 'b', teams: ['emea'], dwellSeconds: 99_999 })!.dwellSeconds).toBe(3_600);
  });

  it('refuses a message without a board or a team', () => {
    expect(readConfig(null)).toBeNull();
    expect(readConfig('floor')).toBeNull();
    expect(readConfig({ teams: ['emea'] })).toBeNull();
    expect(readConfig({ id: 'b', teams: [] })).toBeNull();
  });

  it('rotates through each team’s slides in turn', () => {
    expect(playlist(['emea', 'amer'], ['leaderboard', 'pace'])).toEqual([
      { teamId: 'emea', slide: 'leaderboard' },
      { teamId: 'emea', slide: 'pace' },
      { teamId: 'amer', slide: 'leaderboard' },
      { teamId: 'amer', slide: 'pace' },
    ]);
    expect(playlist([], ['pace'])).toEqual([]);
  });
});
