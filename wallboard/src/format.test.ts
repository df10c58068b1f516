import { describe, expect, it } from 'vitest';
import {
  avatarHue,
  formatAmount,
  formatCount,
  formatRate,
  hasGoal,
  initials,
  markerPercent,
  periodLabel,
  progressPercent,
  statusClass,
  statusLabel,
} from './format';
import { pace } from './test/boards';

describe('expected marker', () => {
  it.each([
    [11.25, 60, 18.75],
    [0, 60, 0],
    [60, 60, 100],
    [90, 60, 100],
    [-5, 60, 0],
  ])('expected %s of goal %s sits at %s %%', (expected, goal, percent) => {
    expect(markerPercent(expected, goal)).toBeCloseTo(percent, 6);
  });

  it.each([
    [10, null],
    [10, 0],
    [10, -4],
    [null, 60],
    [Number.NaN, 60],
  ])('has no position for expected %s and goal %s', (expected, goal) => {
    expect(markerPercent(expected, goal)).toBeNull();
  });
});

describe('progress', () => {
  it('is the share of the goal, clamped to the bar', () => {
    expect(progressPercent(30, 60)).toBe(50);
    expect(progressPercent(90, 60)).toBe(100);
    expect(progressPercent(0, 60)).toBe(0);
    expect(progressPercent(5, 0)).toBe(0);
    expect(progressPercent(5, null)).toBe(0);
  });

  it('knows which metrics have a goal to draw', () => {
    expect(hasGoal(pace(3, 60, 30))).toBe(true);
    expect(hasGoal(pace(3, null))).toBe(false);
    expect(hasGoal({ ...pace(3, 0, 0), status: 'notStarted' })).toBe(false);
    expect(hasGoal(undefined)).toBe(false);
  });
});

describe('status colours', () => {
  it.each([
    ['ahead', 'st-ahead', 'Ahead'],
    ['onPace', 'st-onpace', 'On pace'],
    ['behind', 'st-behind', 'Behind'],
    ['atRisk', 'st-atrisk', 'At risk'],
    ['notStarted', 'st-notstarted', 'Not started'],
    ['noGoal', 'st-nogoal', ''],
  ])('%s is coloured %s', (status, cls, label) => {
    expect(statusClass(status)).toBe(cls);
    expect(statusLabel(status)).toBe(label);
  });

  it('shows a status it does not know (a newer server) as neutral', () => {
    expect(statusClass('sleeping')).toBe('st-notstarted');
    expect(statusClass(undefined)).toBe('st-notstarted');
    expect(statusLabel('sleeping')).toBe('');
  });
});

describe('initials', () => {
  it.each([
    ['Anna Berg', 'AB'],
    ['Cher', 'C'],
    ['  anna   van der  berg ', 'AB'],
    ['Élodie Ñúñez', 'ÉÑ'],
    ['', '?'],
    ['   ', '?'],
    [null, '?'],
  ])('of %j are %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('keeps a letter outside the basic plane whole', () => {
    expect(initials('𝒜lex Smith')).toBe('𝒜S');
  });

  it('gives a rep always the same avatar colour', () => {
    expect(avatarHue('anna')).toBe(avatarHue('anna'));
    expect(avatarHue('')).toBeGreaterThanOrEqual(0);
  });
});

describe('numbers', () => {
  it('formats counts, rates and amounts without a currency', () => {
    expect(formatCount(1234, 'en-US')).toBe('1,234');
    expect(formatCount(11.25, 'en-US')).toBe('11.3');
    expect(formatCount(null)).toBe('–');
    expect(formatRate(4.62, 'en-US')).toBe('4.6');
    expect(formatRate(12.4, 'en-US')).toBe('12');
    expect(formatAmount(24500, 'en-US')).toBe('24,500');
    expect(formatAmount(1999.5, 'en-US')).toBe('1,999.50');
    expect(formatAmount(24500, 'de-DE')).toBe('24.500');
    expect(formatAmount(null)).toBe('');
  });

  it('names periods', () => {
    expect(periodLabel('day')).toBe('today');
    expect(periodLabel('week')).toBe('this week');
    expect(periodLabel('fortnight')).toBe('fortnight');
  });
});
