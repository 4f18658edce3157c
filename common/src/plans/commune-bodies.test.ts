import { expect, it } from 'vitest';
import { communeBodyName, everyCommunesBody } from './commune-bodies.ts';

it('reads the committees of every commune from the ways plans write them', () => {
  for (const name of ['Ủy ban nhân dân các xã, phường', 'UBND các xã, thị trấn', 'UBND xã, phường, thị trấn', 'UBND các xã', 'Ủy ban nhân dân cấp xã', 'UBND các xã, phường;', 'Ủy ban nhân dân các xã, phường và đặc khu']) {
    expect([name, everyCommunesBody(name)]).toEqual([name, 'committee']);
  }
});

it('reads the stations of every commune', () => {
  expect(everyCommunesBody('Trạm Y tế các xã, phường')).toBe('station');
  expect(everyCommunesBody('TYT các xã, thị trấn')).toBe('station');
});

it('does not take a named commune, or another body, for every commune', () => {
  for (const name of ['UBND xã Hợp Thành', 'Ủy ban nhân dân phường Đức Xuân', 'Trạm Y tế xã Nông Thượng', 'Phòng Y tế', 'Các cơ quan, đơn vị có liên quan', 'UBND thành phố', 'UBND các huyện, thành phố']) {
    expect([name, everyCommunesBody(name)]).toEqual([name, null]);
  }
});

it('names a commune’s own body', () => {
  expect(communeBodyName('committee', 'Phường Đức Xuân')).toBe('Ủy ban nhân dân Phường Đức Xuân');
  expect(communeBodyName('station', 'Xã Nông Thượng')).toBe('Trạm Y tế Xã Nông Thượng');
});
