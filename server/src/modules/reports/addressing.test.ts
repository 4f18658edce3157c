import { describe, expect, it } from 'vitest';
import { recipientsOn } from './addressing.ts';

const r = (name: string, purpose: string | null = null) => ({ name, purpose });
const city = { name: 'Thành phố Bắc Kạn', level: 'district', successor: { name: 'Tỉnh Thái Nguyên', level: 'province' } };
const oldProvince = { name: 'Tỉnh Bắc Kạn', level: 'province', successor: { name: 'Tỉnh Thái Nguyên', level: 'province' } };

describe('recipientsOn: the plan’s recipients as they are on the report’s date', () => {
  it('names the successors of closed units, drops the issuer itself and the abolished city’s own bodies', () => {
    const plan = [
      r('UBND tỉnh Bắc Kạn'),
      r('Sở Y tế tỉnh Bắc Kạn'),
      r('TT Thành ủy, HĐND thành phố'),
      r('CT, các PCT UBND thành phố'),
      r('Ủy ban MTTQ VN thành phố'),
      r('Các phòng, ban, ngành, đoàn thể và tổ chức hội TP'),
      r('UBND các xã, phường'),
      r('Trung tâm Y tế thành phố'),
    ];
    expect(recipientsOn(plan, [city, oldProvince], 'Tỉnh Thái Nguyên')).toEqual([r('Sở Y tế tỉnh Thái Nguyên'), r('UBND các xã, phường')]);
  });

  it('gives a merged commune’s generic bodies the successor’s kind, and its district’s the province', () => {
    const hoaPhong = { name: 'Xã Hòa Phong', level: 'commune', successor: { name: 'Phường Thượng Hồng', level: 'commune' } };
    const myHao = { name: 'Thị xã Mỹ Hào', level: 'district', successor: { name: 'Tỉnh Hưng Yên', level: 'province' } };
    const plan = [r('UBND thị xã Mỹ Hào'), r('Trung tâm Y tế thị xã'), r('Thường trực Đảng ủy xã'), r('Chủ tịch, các Phó Chủ tịch UBND xã'), r('Trạm y tế xã', 'Thực hiện')];
    expect(recipientsOn(plan, [hoaPhong, myHao], 'Phường Thượng Hồng')).toEqual([
      r('UBND tỉnh Hưng Yên'),
      r('Thường trực Đảng ủy phường'),
      r('Chủ tịch, các Phó Chủ tịch UBND phường'),
      r('Trạm y tế phường', 'Thực hiện'),
    ]);
  });

  it('leaves the recipients of a unit that still exists as they are', () => {
    const plan = [r('Sở Y tế', 'Báo cáo'), r('TTr Đảng ủy, HĐND xã', 'Báo cáo')];
    expect(recipientsOn(plan, [], 'Xã Quảng Yên')).toEqual(plan);
  });

  it('reads abbreviations and capitals (TP. Bắc Kạn, UBND TỈNH BẮC KẠN) and keeps one of each', () => {
    const plan = [r('UBND TP. Bắc Kạn'), r('Sở Y tế TỈNH BẮC KẠN'), r('Sở Y tế tỉnh Bắc Kạn')];
    expect(recipientsOn(plan, [city, oldProvince], 'Tỉnh Thái Nguyên')).toEqual([r('Sở Y tế TỈNH THÁI NGUYÊN')]);
  });
});
