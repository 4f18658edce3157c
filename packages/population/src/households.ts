/**
 * Who lives together: households of 1–7 people built from common Vietnamese family shapes
 * (an elderly person alone, a couple, parents with children, three generations under an
 * elderly head or with a parent of the head). The mix is calibrated so that the population's
 * ages follow the national pyramid (see the tests) and the mean household is about 3.5 people.
 */
import type { Sex } from './names.ts';
import { type Rng, Weighted } from './random.ts';
import { PYRAMID } from './reference.ts';

export type Relationship = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'grandparent' | 'sibling' | 'in_law' | 'other';

export interface Member {
  relationship: Relationship;
  sex: Sex;
  /** Whole years on the as-of date. */
  age: number;
  /** Index of the member whose family name this one carries (a child: the father), -1 for own. */
  familyFrom: number;
  /** A spouse or in-law: own family, possibly another ethnic group. */
  marriedIn: boolean;
}

const MAX_SIZE = 7;

/** One-year ages weighted by the pyramid, restricted to a range. */
const ageTables = new Map<string, Weighted<number>>();
export function ageIn(rng: Rng, min: number, max: number): number {
  const key = `${min}-${max}`;
  let table = ageTables.get(key);
  if (!table) {
    const entries: [number, number][] = [];
    for (let a = min; a <= max; a++) entries.push([a, (PYRAMID[Math.min(Math.floor(a / 5), PYRAMID.length - 1)] as number) / 5]);
    table = new Weighted(entries);
    ageTables.set(key, table);
  }
  return table.pick(rng);
}

/** Vietnam's sex ratio at birth has been about 112 boys per 100 girls since the mid-2000s. */
function childSex(rng: Rng, age: number): Sex {
  return rng.chance(age < 20 ? 0.53 : 0.505) ? 'male' : 'female';
}

/**
 * Children of a mother aged `motherAge`: first birth around 23, then every 2–6 years. Children
 * past ~22 have mostly left (married, working elsewhere).
 */
function childrenAges(rng: Rng, motherAge: number, wanted: number, keepAdults: boolean): number[] {
  const ages: number[] = [];
  let birthAge = Math.round(rng.between(24.5, 4, 17, 36));
  for (let i = 0; i < wanted && birthAge <= Math.min(motherAge, 41); i++) {
    const age = motherAge - birthAge;
    const leftHome = age >= 18 && !keepAdults && rng.chance(age >= 23 ? 0.75 : 0.15);
    if (!leftHome) ages.push(age);
    birthAge += rng.int(2, 7);
  }
  return ages;
}

const wantedChildren = new Weighted<number>([[1, 22], [2, 50], [3, 20], [4, 8]]);

type Shape = 'elderly_alone' | 'adult_alone' | 'elderly_couple' | 'young_couple' | 'nuclear' | 'single_parent' | 'three_generations' | 'with_parent';

/** Shares of households (not people) by shape. */
const SHAPES = new Weighted<Shape>([
  ['elderly_alone', 6.5],
  ['adult_alone', 6.5],
  ['elderly_couple', 10.5],
  ['young_couple', 2.5],
  ['nuclear', 42],
  ['single_parent', 5],
  ['three_generations', 19],
  ['with_parent', 8],
]);

export function buildHousehold(rng: Rng): Member[] {
  const shape = SHAPES.pick(rng);
  const members: Member[] = [];
  const add = (relationship: Relationship, sex: Sex, age: number, familyFrom = -1, marriedIn = false) => {
    if (members.length < MAX_SIZE) members.push({ relationship, sex, age: Math.max(0, Math.min(100, age)), familyFrom, marriedIn });
    return members.length - 1;
  };
  const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
  /** A couple: the head is usually the husband, about two years older than his wife. */
  const couple = (minAge: number, maxAge: number) => {
    const wifeAge = ageIn(rng, minAge, maxAge);
    const husbandAge = wifeAge + Math.round(rng.between(2.5, 3, -3, 12));
    const headSex: Sex = rng.chance(0.82) ? 'male' : 'female';
    add('head', headSex, headSex === 'male' ? husbandAge : wifeAge);
    add('spouse', other(headSex), headSex === 'male' ? wifeAge : husbandAge, -1, true);
    return { wifeAge, fatherIndex: headSex === 'male' ? 0 : 1 };
  };
  const children = (motherAge: number, fatherIndex: number, relationship: Relationship, keepAdults = false) => {
    for (const age of childrenAges(rng, motherAge, wantedChildren.pick(rng), keepAdults)) add(relationship, childSex(rng, age), age, fatherIndex);
  };

  switch (shape) {
    case 'elderly_alone':
      add('head', rng.chance(0.7) ? 'female' : 'male', ageIn(rng, 62, 100));
      break;
    case 'adult_alone':
      add('head', rng.chance(0.6) ? 'male' : 'female', ageIn(rng, 19, 61));
      break;
    case 'elderly_couple':
      couple(52, 88);
      break;
    case 'young_couple':
      couple(19, 30);
      break;
    case 'nuclear': {
      const { wifeAge, fatherIndex } = couple(23, 55);
      children(wifeAge, fatherIndex, 'child');
      if (members.length === 2) add('child', childSex(rng, 0), rng.int(0, Math.max(0, wifeAge - 19)), fatherIndex);
      break;
    }
    case 'single_parent': {
      const sex: Sex = rng.chance(0.8) ? 'female' : 'male';
      const age = ageIn(rng, 25, 58);
      add('head', sex, age);
      // A mother's children carry their (absent) father's family name: the first child's.
      let firstChild = -1;
      for (const a of childrenAges(rng, sex === 'female' ? age : age - 3, wantedChildren.pick(rng), true)) {
        const i = add('child', childSex(rng, a), a, sex === 'male' ? 0 : firstChild);
        if (firstChild < 0) firstChild = i;
      }
      break;
    }
    case 'three_generations': {
      // An elderly head (or widow) with a married son, his wife and their children.
      const grandmotherAge = ageIn(rng, 52, 90);
      const widowed = rng.chance(0.35);
      const headSex: Sex = widowed ? (rng.chance(0.75) ? 'female' : 'male') : 'male';
      const grandfatherAge = grandmotherAge + rng.int(0, 6);
      add('head', headSex, headSex === 'male' ? grandfatherAge : grandmotherAge);
      if (!widowed) add('spouse', 'female', grandmotherAge, -1, true);
      const sonAge = Math.max(20, grandmotherAge - Math.round(rng.between(26, 4, 18, 40)));
      const son = add('child', 'male', sonAge, headSex === 'male' ? 0 : -1);
      const wifeAge = Math.max(18, sonAge - rng.int(0, 5));
      add('in_law', 'female', wifeAge, -1, true);
      for (const a of childrenAges(rng, wifeAge, wantedChildren.pick(rng), false)) add('grandchild', childSex(rng, a), a, son);
      break;
    }
    case 'with_parent': {
      // A working-age couple, their children and a parent of the head.
      const { wifeAge, fatherIndex } = couple(24, 50);
      children(wifeAge, fatherIndex, 'child');
      const headAge = members[0]?.age ?? wifeAge;
      const parentAge = headAge + Math.round(rng.between(28, 4, 19, 42));
      if (parentAge <= 100) {
        // The head's father carries the head's family name; the mother keeps her own.
        const sex: Sex = rng.chance(0.72) ? 'female' : 'male';
        add('parent', sex, parentAge, sex === 'male' ? 0 : -1);
      }
      break;
    }
  }
  // Now and then an unmarried brother or sister of the head, or someone unrelated (a lodger).
  const head = members[0];
  if (head && (shape === 'nuclear' || shape === 'with_parent' || shape === 'adult_alone')) {
    if (rng.chance(0.04)) add('sibling', rng.chance(0.5) ? 'male' : 'female', Math.max(15, head.age + rng.int(-8, 8)), 0);
    else if (rng.chance(0.012)) add('other', rng.chance(0.6) ? 'male' : 'female', ageIn(rng, 17, 35), -1, true);
  }
  return members;
}
