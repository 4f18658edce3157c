import { RELATIONSHIPS, RESIDENCE_STATUSES } from '@ytcs/common';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, columnLetter, headerKey, headerOf, headerScore, mapColumns, missingColumns } from './imports.columns.ts';
import { RELATIONSHIP_LABELS, RESIDENCE_LABELS, SEX_LABELS, ethnicityReader, readDate, readRelationship, readResidence, readSex, villageReader } from './imports.values.ts';

const fields = (headers: string[], override?: Record<string, string | null>) => mapColumns(headers, override).columns.map((c) => c.field);

describe('header mapping', () => {
  it('reads Vietnamese headers whatever the diacritics, case, spacing or notes in brackets', () => {
    expect(fields(['Họ và tên', 'Họ tên', 'ho ten', 'HỌ VÀ TÊN (*)'])).toEqual(['fullName', null, null, null]);
    expect(fields(['HO TEN', 'giới  tính', 'Ngày sinh (dd/mm/yyyy)', 'Số CCCD', 'Số định danh'])).toEqual(['fullName', 'sex', 'birthDate', 'citizenId', null]);
    expect(fields(['CCCD', 'Mã thẻ BHYT', 'Hạn thẻ từ', 'Hạn thẻ đến', 'Nơi ĐKKCB ban đầu', 'SĐT', 'Dân tộc', 'Nghề nghiệp', 'Tình trạng cư trú'])).toEqual([
      'citizenId', 'insuranceCode', 'insuranceValidFrom', 'insuranceValidTo', 'insuranceFacility', 'phone', 'ethnicity', 'occupation', 'residenceStatus',
    ]);
    expect(fields(['Số hộ', 'Địa chỉ', 'Quan hệ với chủ hộ', 'Thôn/Tổ dân phố', 'Số thẻ BHYT', 'Số điện thoại', 'Năm sinh'])).toEqual([
      'householdCode', 'address', 'relationship', 'village', 'insuranceCode', 'phone', 'birthYear',
    ]);
    expect(fields(['so dien thoai', 'SO THE BHYT', 'thon / to dan pho', 'Quan hệ  với chủ  hộ'])).toEqual(['phone', 'insuranceCode', 'village', 'relationship']);
  });

  it('reads English headers', () => {
    expect(fields(['Full name', 'Sex', 'Date of birth', 'Citizen ID', 'Insurance code', 'Phone', 'Ethnicity', 'Village', 'Household number', 'Address', 'Relationship'])).toEqual([
      'fullName', 'sex', 'birthDate', 'citizenId', 'insuranceCode', 'phone', 'ethnicity', 'village', 'householdCode', 'address', 'relationship',
    ]);
  });

  it('lets the caller override, and ignore, columns', () => {
    expect(fields(['Tên đầy đủ', 'Phái', 'Họ và tên'], { 'Tên đầy đủ': 'fullName', PHAI: 'sex', 'Họ và tên': null })).toEqual(['fullName', 'sex', null]);
    expect(fields(['Họ và tên'], { 'Họ và tên': 'not-a-field' })).toEqual([null]);
  });

  it('uses the first of two columns for one field, and warns of the rest and of unknown columns', () => {
    const { columns, warnings } = mapColumns(['Họ và tên', 'Họ tên', 'Mã vạch', 'STT', 'Lỗi / Errors']);
    expect(columns.map((c) => c.field)).toEqual(['fullName', null, null, null, null]);
    expect(warnings.map((w) => w.column)).toEqual(['Họ tên', 'Mã vạch']);
    expect(warnings[1]?.messageEn).toContain('not recognised');
  });

  it('names the missing columns a file needs', () => {
    expect(missingColumns(mapColumns(['Họ và tên', 'Năm sinh', 'Giới tính']).columns)).toEqual([]);
    expect(missingColumns(mapColumns(['Địa chỉ']).columns).map((m) => m.field)).toEqual(['fullName', 'sex', 'birthDate']);
  });

  it('tells a header row from a title above it', () => {
    expect(headerScore(['DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ 2'])).toBe(0);
    expect(headerScore(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh'])).toBe(3);
  });

  it('writes the headers the export uses and reads them back to the same fields', () => {
    expect(fields(IMPORT_FIELDS.map(headerOf))).toEqual([...IMPORT_FIELDS]);
    expect(headerKey('Ngày sinh (dd/mm/yyyy) *')).toBe('ngay sinh');
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('cell values', () => {
  it('reads sex, relationship and residence as stations write them, and the export’s labels back', () => {
    expect(['Nam', 'nam', 'NỮ', 'Nu', 'female', 'x'].map(readSex)).toEqual(['male', 'male', 'female', 'female', 'female', 'x']);
    expect(['Chủ hộ', 'chu ho', 'Vợ', 'Chồng', 'Con', 'Bố', 'Mẹ', 'Cháu', 'Ông', 'Bà', 'Anh', 'Chị', 'Em', 'Khác', 'Con dâu', ''].map(readRelationship)).toEqual([
      'head', 'head', 'spouse', 'spouse', 'child', 'parent', 'parent', 'grandchild', 'grandparent', 'grandparent', 'sibling', 'sibling', 'sibling', 'other', 'in_law', null,
    ]);
    // "Ba" is a father in the South, "Bà" a grandmother: without diacritics the word is unknown.
    expect([readRelationship('Ba'), readRelationship('ba'), readRelationship('Hàng xóm')]).toEqual(['parent', 'parent', undefined]);
    for (const r of RELATIONSHIPS) expect(readRelationship(RELATIONSHIP_LABELS[r])).toBe(r);
    for (const s of RESIDENCE_STATUSES) expect(readResidence(RESIDENCE_LABELS[s])).toBe(s);
    expect([readSex(SEX_LABELS.male), readSex(SEX_LABELS.female), readResidence('tạm vắng'), readResidence('?')]).toEqual(['male', 'female', 'absent', undefined]);
  });

  it('reads dates as dd/mm/yyyy, ISO, a year alone or an Excel date', () => {
    expect(readDate('05/09/2005')).toEqual({ date: '2005-09-05' });
    expect(readDate('5-9-2005')).toEqual({ date: '2005-09-05' });
    expect(readDate('2005-09-05')).toEqual({ date: '2005-09-05' });
    expect(readDate('1978')).toEqual({ year: 1978 });
    expect(readDate(1978)).toEqual({ year: 1978 });
    expect(readDate(new Date(Date.UTC(1982, 3, 15)))).toEqual({ date: '1982-04-15' });
    expect(readDate(30056)).toEqual({ date: '1982-04-15' });
    expect(readDate('31/02/1985')).toEqual({ date: '1985-02-31' });
    expect(readDate('hôm qua')).toEqual({ invalid: 'hôm qua' });
    expect(readDate('')).toBeNull();
  });

  it('finds ethnic groups by code, name or an unambiguous other name', () => {
    const read = ethnicityReader([
      { code: '01', name: 'Kinh', other_names: 'Việt' },
      { code: '02', name: 'Tày', other_names: 'Thổ, Ngạn' },
      { code: '05', name: 'Khơ-me', other_names: 'Thổ, Krôm' },
      { code: '08', name: 'HMông', other_names: 'Mèo, Hoa' },
      { code: '04', name: 'Hoa', other_names: 'Hán' },
    ]).read;
    expect(['01', '1', 'kinh', 'Việt', 'TÀY', 'Khmer', 'Khơ me', 'H’Mông', 'Mông', 'Mèo', 'Hoa', 'Thổ', '99', 'Sao Hỏa', ''].map(read)).toEqual([
      '01', '01', '01', '01', '02', '05', '05', '08', '08', '08', '04', undefined, undefined, undefined, null,
    ]);
  });

  it('finds villages with or without "Thôn"/"Tổ dân phố"', () => {
    const village = villageReader([
      { id: 1, name: 'Tổ dân phố 1' },
      { id: 2, name: 'Thôn Nà Pài' },
      { id: 3, name: 'Thôn 5' },
      { id: 4, name: 'Xóm 5' },
    ]);
    expect(['Tổ dân phố 1', 'to dan pho 1', 'TDP 1', '1', 'Nà Pài', 'thon na pai', 'Thôn 5', '5', 'Thôn 9'].map(village)).toEqual([1, 1, 1, 1, 2, 2, 3, undefined, undefined]);
  });
});
