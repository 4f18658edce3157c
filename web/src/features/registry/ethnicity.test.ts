import { describe, expect, it } from 'vitest';
import { ethnicityMatch } from './ethnicity';

const groups = [
  { code: '01', name: 'Kinh', otherNames: 'Việt' },
  { code: '02', name: 'Tày', otherNames: 'Thổ, Ngạn, Phén, Thù Lao, Pa Dí, Tày Khao' },
  { code: '03', name: 'Thái', otherNames: 'Tày Đăm, Tày Mười, Tày Thanh, Mán Thanh' },
  { code: '18', name: 'Sán Dìu', otherNames: 'Sán Dẻo, Trại, Trại Đất, Mán, Quần Cộc' },
  { code: '33', name: 'Xơ Đăng', otherNames: null },
];
const found = (input: string) =>
  groups
    .map((g) => ({ g, rank: ethnicityMatch(input, g) }))
    .filter((x) => x.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .map((x) => x.g.name);

describe('finding an ethnic group', () => {
  it('without diacritics, as the resident search does', () => {
    expect(found('thai')).toEqual(['Thái']);
    expect(found('THÁI')).toEqual(['Thái']);
    expect(found('san diu')).toEqual(['Sán Dìu']);
  });

  it('reads đ as d and needs each word to start a word', () => {
    expect(found('xo dang')).toEqual(['Xơ Đăng']);
    expect(found('ang')).toEqual([]);
  });

  it('puts the group named so before one known by it as another name, and finds codes', () => {
    expect(found('tay')).toEqual(['Tày', 'Thái']);
    expect(found('viet')).toEqual(['Kinh']);
    expect(found('18')).toEqual(['Sán Dìu']);
  });
});
