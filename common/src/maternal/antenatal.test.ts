import { expect, it } from 'vitest';
import { ancStanding, eddFromLmp, gestationDays, lmpOf, trimesterOf } from './antenatal.ts';

it('dates a pregnancy by Naegele’s rule: 280 days from the last period', () => {
  expect(eddFromLmp('2026-03-01')).toBe('2026-12-06');
  expect(lmpOf('2026-12-06')).toBe('2026-03-01');
  expect(gestationDays('2026-12-06', '2026-03-15')).toBe(14);
});

it('names the trimester by completed weeks: to 13+6, to 27+6, then the last', () => {
  expect([0, 97, 98, 195, 196, 280].map(trimesterOf)).toEqual([1, 1, 2, 2, 3, 3]);
});

const EDD = eddFromLmp('2026-01-01');
const day = (d: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);

it('asks for a visit in each of the first two trimesters and two in the last', () => {
  // Week 8, no visit yet: due. One visit in the first trimester: on track.
  expect(ancStanding(EDD, [], day(56))).toBe('due');
  expect(ancStanding(EDD, [day(50)], day(56))).toBe('on_track');
  // Week 15 with no first-trimester visit: missed, even after a second-trimester one.
  expect(ancStanding(EDD, [day(100)], day(105))).toBe('missed');
  // Week 30: one visit in each earlier trimester, none in the last yet: due; one is not enough.
  expect(ancStanding(EDD, [day(60), day(150)], day(210))).toBe('due');
  expect(ancStanding(EDD, [day(60), day(150), day(200)], day(230))).toBe('due');
  expect(ancStanding(EDD, [day(60), day(150), day(200), day(225)], day(230))).toBe('on_track');
  // Week 29 without a second-trimester visit: missed.
  expect(ancStanding(EDD, [day(60), day(200)], day(203))).toBe('missed');
});

it('counts no visit before the last period, nor one after the day judged', () => {
  expect(ancStanding(EDD, [day(-10)], day(56))).toBe('due');
  expect(ancStanding(EDD, [day(90)], day(56))).toBe('due');
});
