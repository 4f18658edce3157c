import { describe, expect, it } from 'vitest';
import { mapColumns } from './imports.columns.ts';
import { type RowContext, readRow } from './imports.rows.ts';
import { type Cell, ethnicityReader, villageReader } from './imports.values.ts';

const headers = ['Số hộ', 'Địa chỉ', 'Quan hệ với chủ hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'SĐT', 'Dân tộc', 'Thôn/Tổ dân phố'];
const today = new Date('2026-11-25T00:00:00Z');

function context(overrides: Partial<RowContext> = {}): RowContext {
  return {
    columns: mapColumns(headers).columns,
    targetVillage: null,
    village: villageReader([
      { id: 11, name: 'Thôn 1' },
      { id: 12, name: 'Thôn 2' },
    ]),
    ethnicity: ethnicityReader([{ code: '01', name: 'Kinh', other_names: 'Việt' }]).read,
    seenIds: new Map(),
    heads: new Map(),
    today,
    ...overrides,
  };
}

const row = (cells: Partial<Record<(typeof headers)[number], Cell>>): Cell[] => headers.map((h) => cells[h] ?? null);
const person = { 'Họ và tên': 'Lò Văn Pao', 'Giới tính': 'Nam', 'Ngày sinh': '02/03/1980', 'Thôn/Tổ dân phố': 'Thôn 2' };

describe('reading a row', () => {
  it('turns a good row into the values to insert', () => {
    const r = readRow(5, row({ ...person, 'Số hộ': 'A1', 'Quan hệ với chủ hộ': 'Chủ hộ', 'Số CCCD': '011080000001', SĐT: '+84 912 345 678', 'Dân tộc': 'Kinh' }), context());
    expect(r.errors).toEqual([]);
    expect(r.householdKey).toBe('code:A1');
    expect(r.resident).toMatchObject({ full_name: 'Lò Văn Pao', sex: 'male', birth_date: '1980-03-02', birth_year: 1980, citizen_id: '011080000001', phone: '0912345678', ethnicity_code: '01', village_id: 12, relationship: 'head', residence_status: 'permanent' });
  });

  it('names the row, column and letter of each error, and keeps no values', () => {
    const r = readRow(9, row({ ...person, 'Ngày sinh': '31/02/1980', SĐT: '123', 'Thôn/Tổ dân phố': 'Thôn 7', 'Dân tộc': 'Sao Hỏa' }), context());
    expect(r.resident).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column, e.letter, e.field])).toEqual([
      [9, 'Dân tộc', 'I', 'ethnicityCode'],
      [9, 'Thôn/Tổ dân phố', 'J', 'village'],
      [9, 'Ngày sinh', 'F', 'birthDate'],
      [9, 'SĐT', 'H', 'phone'],
    ]);
  });

  it('puts back the leading zeros a number cell lost, with a warning', () => {
    const r = readRow(3, row({ ...person, 'Số CCCD': 1080000001, SĐT: 912345678 }), context());
    expect(r.resident).toMatchObject({ citizen_id: '001080000001', phone: '0912345678' });
    expect(r.warnings.map((w) => w.field)).toContain('citizenId');
  });

  it('refuses a personal ID repeated in the file and a second head of a household', () => {
    const ctx = context();
    readRow(2, row({ ...person, 'Số hộ': 'A1', 'Quan hệ với chủ hộ': 'Chủ hộ', 'Số CCCD': '011080000001' }), ctx);
    const again = readRow(3, row({ ...person, 'Họ và tên': 'Lò Thị Xuân', 'Giới tính': 'Nữ', 'Số hộ': 'A1', 'Quan hệ với chủ hộ': 'Chủ hộ', 'Số CCCD': '011080000001' }), ctx);
    expect(again.errors.map((e) => [e.field, e.message])).toEqual([['citizenId', 'Số CCCD trùng với dòng 2 trong tệp']]);
    const secondHead = readRow(4, row({ ...person, 'Họ và tên': 'Lò Thị Xuân', 'Giới tính': 'Nữ', 'Số hộ': 'A1', 'Quan hệ với chủ hộ': 'Chủ hộ' }), ctx);
    expect(secondHead.errors.map((e) => e.message)).toEqual(['Hộ này đã có chủ hộ ở dòng 2']);
  });

  it('records an unknown relationship as other, with a warning', () => {
    const r = readRow(2, row({ ...person, 'Quan hệ với chủ hộ': 'Hàng xóm' }), context());
    expect(r.resident?.relationship).toBe('other');
    expect(r.warnings[0]).toMatchObject({ field: 'relationship', column: 'Quan hệ với chủ hộ' });
  });

  it('keeps a village worker’s rows to the chosen village', () => {
    const ctx = context({ targetVillage: { id: 11, name: 'Thôn 1' } });
    expect(readRow(2, row({ ...person, 'Thôn/Tổ dân phố': null }), ctx).resident?.village_id).toBe(11);
    expect(readRow(3, row(person), ctx).errors.map((e) => e.field)).toEqual(['village']);
  });
});

describe('the head column ("Chủ hộ", marked x)', () => {
  const withHead = ['Số hộ', 'Chủ hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Thôn/Tổ dân phố'];
  const ctx = () => context({ columns: mapColumns(withHead).columns });
  const read = (rowNo: number, cells: Record<string, Cell>) => readRow(rowNo, withHead.map((h) => cells[h] ?? null), ctx());
  const member = { 'Số hộ': 'B7', 'Giới tính': 'Nữ', 'Ngày sinh': '01/01/1990', 'Thôn/Tổ dân phố': 'Thôn 1' };

  it('maps the column and marks the head by x, ✓ or "có"; a blank is a member', () => {
    expect(mapColumns(withHead).columns.map((c) => c.field)).toEqual(['householdCode', 'head', 'fullName', 'sex', 'birthDate', 'village']);
    for (const mark of ['x', 'X', '✓', 'có', 'Chủ hộ']) expect(read(2, { ...member, 'Họ và tên': 'Đỗ Thị Thủy', 'Chủ hộ': mark }).resident?.relationship).toBe('head');
    expect(read(3, { ...member, 'Họ và tên': 'Đỗ Văn Nam' }).resident?.relationship).toBeNull();
  });

  it('reads a column holding the head’s name on every row: the head is the row with its own name', () => {
    expect(read(2, { ...member, 'Họ và tên': 'Đỗ Thị Thủy', 'Chủ hộ': 'Đỗ Thị Thủy' }).resident?.relationship).toBe('head');
    expect(read(3, { ...member, 'Họ và tên': 'Đỗ Văn Nam', 'Chủ hộ': 'Đỗ Thị Thủy' }).resident?.relationship).toBeNull();
  });

  it('warns on a mark it cannot read, and never guesses', () => {
    const r = read(4, { ...member, 'Họ và tên': 'Đỗ Văn Nam', 'Chủ hộ': '??' });
    expect(r.resident?.relationship).toBeNull();
    expect(r.warnings.map((w) => [w.field, w.letter, w.key])).toEqual([['head', 'B', 'imports.headMarkUnknown']]);
  });

  it('refuses a head mark that the relationship column contradicts', () => {
    const cols = ['Số hộ', 'Quan hệ với chủ hộ', 'Chủ hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh'];
    const r = readRow(5, ['B7', 'Con', 'x', 'Đỗ Văn Nam', 'Nam', '01/01/2010'], context({ columns: mapColumns(cols).columns }));
    expect(r.resident).toBeNull();
    expect(r.errors.map((e) => [e.field, e.letter, e.key])).toEqual([['head', 'C', 'imports.headMarkDisagrees']]);
  });
});
