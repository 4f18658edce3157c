import { expect, it } from 'vitest';
import { givenNameFirst } from './names.ts';

it('puts the given name first, the family and middle names after', () => {
  expect(givenNameFirst('nguyen thi hong')).toBe('hong nguyen thi');
  expect(givenNameFirst('le lan')).toBe('lan le');
  expect(givenNameFirst("y ngoc h'dok")).toBe("h'dok y ngoc");
});

it('leaves a one-word name as it is', () => {
  expect(givenNameFirst('hong')).toBe('hong');
  expect(givenNameFirst('')).toBe('');
});

it('orders a list by given name, then family name', () => {
  const names = ['tran van an', 'nguyen thi hong', 'le thi an', 'pham lan'];
  const sorted = [...names].sort((a, b) => givenNameFirst(a).localeCompare(givenNameFirst(b)));
  expect(sorted).toEqual(['le thi an', 'tran van an', 'nguyen thi hong', 'pham lan']);
});
