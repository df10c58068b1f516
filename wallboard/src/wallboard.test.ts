// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rep, snapshot } from './test/boards';
import { contest, moment } from './test/gamification';
import { Wallboard, type PageElements } from './wallboard';

function page(): PageElements {
  const make = (tag = 'div') => document.createElement(tag);
  const app = make();
  const slides = make('main');
  app.append(slides);
  document.body.replaceChildren(app);
  return {
    app,
    slides,
    message: make(),
    messageTitle: make(),
    messageDetail: make(),
    statusBox: make(),
    statusText: make(),
    boardTitle: make(),
    teamName: make(),
    slideTitle: make(),
    pageInfo: make(),
  };
}

const activeSlide = (p: PageElements) => {
  const active = p.slides.querySelector<HTMLElement>('.slide.active');
  return active ? `${active.dataset['team']}/${active.dataset['slide']}` : null;
};

describe('Wallboard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('rotates through each team’s slides of a board, and follows a changed board without a reload', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['leaderboard', 'pace'], dwellSeconds: 20 });
    const link = { resubscribe: vi.fn(), setTeams: vi.fn() };
    board.attach(link);

    board.applyConfig({ id: 'floor', title: 'Sales floor', teams: ['emea', 'amer'], slides: ['leaderboard', 'pace'], dwellSeconds: 10, theme: 'light', revision: 1 });
    board.handlers.onSnapshot(snapshot(1, [rep('anna', 1, 10)], 'emea'));
    board.handlers.onSnapshot({ ...snapshot(1, [rep('ivan', 1, 5)], 'amer'), teamName: 'Americas AE' });
    vi.advanceTimersByTime(1);

    expect(link.setTeams).toHaveBeenLastCalledWith(['emea', 'amer']);
    expect(document.documentElement.dataset['theme']).toBe('light');
    expect(p.boardTitle.textContent).toBe('Sales floor');
    expect(p.boardTitle.hidden).toBe(false);
    expect(activeSlide(p)).toBe('emea/leaderboard');
    expect(p.teamName.textContent).toBe('EMEA SDR');
    const seen = [activeSlide(p)];
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(10_000);
      seen.push(activeSlide(p));
    }
    expect(seen).toEqual(['emea/leaderboard', 'emea/pace', 'amer/leaderboard', 'amer/pace', 'emea/leaderboard']);
    expect(p.slides.querySelector('[data-team="amer"] .lb-row[data-rep-id="ivan"]')).not.toBeNull();

    board.applyConfig({ id: 'floor', title: 'Sales floor', teams: ['amer'], slides: ['pace'], dwellSeconds: 10, theme: 'dark', revision: 2 });
    vi.advanceTimersByTime(1);
    expect(link.setTeams).toHaveBeenLastCalledWith(['amer']);
    expect(p.slides.querySelector('[data-team="emea"]')).toBeNull();
    expect(activeSlide(p)).toBe('amer/pace');
    expect(p.teamName.textContent).toBe('Americas AE');
    expect(document.documentElement.dataset['theme']).toBe('dark');
  });

  it('announces a badge earned once with a banner, and lists the day’s moments on the badges slide', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['badges'], dwellSeconds: 20 });
    board.showTeams(['emea']);
    board.handlers.onSnapshot(snapshot(1, [rep('anna', 1, 10)], 'emea'));
    board.handlers.onMomentFeed!('emea', { teamId: 'emea', day: '2026-11-26', moments: [moment('goal', 'ben', 'Ben Okafor', 'Ben Okafor hit the Calls goal (60)', '09:30')] });
    const badge = moment('badge', 'anna', 'Anna Berg', 'Anna Berg earned Comeback', '10:15', 'comeback');
    board.handlers.onMoment!(badge);
    board.handlers.onMoment!({ ...badge });
    board.handlers.onMoment!({ ...badge, teamId: 'elsewhere' });
    vi.advanceTimersByTime(1);

    const banner = p.app.querySelector<HTMLElement>('.badge-banner')!;
    expect(banner.hidden).toBe(false);
    expect(banner.querySelector('.bb-action')!.textContent).toBe('earned Comeback');
    expect(p.app.querySelector<HTMLElement>('.celebration')!.hidden).toBe(true);
    expect([...p.slides.querySelectorAll('[data-team="emea"] .mo-row .mo-name')].map((e) => e.textContent)).toEqual(['Anna Berg', 'Ben Okafor']);
    expect(p.slideTitle.textContent).toBe('Badges and moments · today');
    // One banner for the one badge, gone after its few seconds (the duplicate played nothing).
    vi.advanceTimersByTime(4_000 + 500);
    expect(banner.hidden).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(banner.hidden).toBe(true);
  });

  it('asks for the contests while the competitions slide shows, once per burst of board changes', async () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['competitions'], dwellSeconds: 20 });
    const competitions = vi.fn(async (_teamId: string): Promise<unknown> => [contest()]);
    board.attach({ resubscribe: vi.fn(), competitions });
    board.showTeams(['emea']);
    board.handlers.onSnapshot(snapshot(1, [rep('anna', 1, 10)], 'emea'));
    await vi.advanceTimersByTimeAsync(1);
    expect(competitions).toHaveBeenCalledTimes(1);
    expect(p.slides.querySelector('[data-team="emea"] .cp-title')!.textContent).toBe('Friday call sprint');
    expect(p.slideTitle.textContent).toBe('Competitions');

    for (let v = 1; v <= 5; v++) board.handlers.onDelta({ teamId: 'emea', version: v + 1, fromVersion: v, reps: [] });
    await vi.advanceTimersByTimeAsync(100);
    expect(competitions).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(competitions).toHaveBeenCalledTimes(2);
    // And by itself while it shows, for the time left.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(competitions).toHaveBeenCalledTimes(3);
  });

  it('does not restart the rotation when the same board comes again (a reconnect)', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['leaderboard', 'pace'], dwellSeconds: 20 });
    const config = { id: 'floor', title: '', teams: ['emea'], slides: ['leaderboard' as const, 'pace' as const], dwellSeconds: 10, theme: 'dark' as const, revision: 1 };
    board.applyConfig(config);
    vi.advanceTimersByTime(10_000);
    expect(activeSlide(p)).toBe('emea/pace');
    board.applyConfig({ ...config });
    expect(activeSlide(p)).toBe('emea/pace');
  });

  it('asks its link for a fresh snapshot of the team whose deltas have a gap', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['leaderboard'], dwellSeconds: 20 });
    const link = { resubscribe: vi.fn() };
    board.attach(link);
    board.showTeams(['emea', 'amer']);
    board.handlers.onSnapshot(snapshot(5, [rep('anna', 1, 10)], 'amer'));
    board.handlers.onDelta({ teamId: 'amer', version: 9, fromVersion: 7, reps: [] });
    expect(link.resubscribe).toHaveBeenCalledWith('amer');
  });

  it('shows "connecting" until the team on screen has its board, and "not valid" when refused', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['leaderboard'], dwellSeconds: 20 });
    board.showTeams(['emea']);
    expect(p.message.hidden).toBe(false);
    expect(p.messageTitle.textContent).toContain('Connecting');
    board.handlers.onSnapshot(snapshot(1, [rep('anna', 1, 10)], 'emea'));
    expect(p.message.hidden).toBe(true);
    board.handlers.onStatus('invalid');
    expect(p.messageTitle.textContent).toContain('not valid');
    expect(p.statusText.textContent).toBe('Link not valid');
  });

  it('celebrates the deals of its own teams only', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['leaderboard'], dwellSeconds: 20 });
    board.showTeams(['emea']);
    board.handlers.onCelebration({ teamId: 'other', repId: 'ola', name: 'Ola Other', metric: 'deal', value: 5 });
    expect(p.app.querySelector('.celebration.showing')).toBeNull();
    board.handlers.onCelebration({ teamId: 'emea', repId: 'anna', name: 'Anna Berg', metric: 'deal', value: 5 });
    expect(p.app.querySelector('.celebration.showing .cele-name')!.textContent).toBe('Anna Berg');
  });

  it('takes everything off the screen when cleared (a revoked token)', () => {
    const p = page();
    const board = new Wallboard(p, 'en-US', { slides: ['leaderboard'], dwellSeconds: 20 });
    board.applyConfig({ id: 'floor', title: 'Floor', teams: ['emea'], slides: ['leaderboard'], dwellSeconds: 10, theme: 'light', revision: 1 });
    board.clear();
    expect(p.slides.children).toHaveLength(0);
    expect(board.teamIds).toEqual([]);
    expect(p.boardTitle.hidden).toBe(true);
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(p.message.hidden).toBe(true);
  });
});
