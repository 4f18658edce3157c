/**
 * A register whose names, addresses and villages use every Vietnamese letter — the twelve vowels
 * with each of the six tones in both cases, and đ/Đ — in every position of a cell over the rows,
 * so that any chunk boundary of a file of it falls inside multi-byte letters. Every cell is filled.
 * Read by the XLSX round-trip test and bench/xlsx-read.ts.
 */
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
export const LETTERS = [...[...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).flatMap((l) => [l, l.toUpperCase()]), 'đ', 'Đ'];

/** A word of `length` letters starting at letter `from`. */
export const word = (from: number, length: number) => Array.from({ length }, (_, k) => LETTERS[(from + k * 7) % LETTERS.length]).join('');

const RELATIONSHIPS = ['Chủ hộ', 'Vợ/Chồng', 'Con', 'Bố/Mẹ', 'Cháu', 'Ông/Bà', 'Anh/Chị/Em', 'Con dâu/Con rể', 'Khác'];
const ETHNIC_GROUPS = ['Kinh', 'Tày', 'Thái', 'Mường', 'Khơ-me', 'Hoa', 'Nùng', 'HMông', 'Dao', 'Ê-đê'];
const RESIDENCE = ['Thường trú', 'Tạm trú', 'Vắng mặt'];

/** Row i of the register, in the export's columns (REGISTER_COLUMNS). */
export function registerRow(i: number): string[] {
  return [
    `Tổ dân phố ${word(i, 1 + (i % 3))}`,
    `H${i}`,
    `Số ${i % 97}, ngõ ${word(i * 3, 2 + (i % 5))}, ${word(i + 11, 4)}`,
    RELATIONSHIPS[i % RELATIONSHIPS.length] as string,
    `${word(i + 5, 1 + (i % 4))}ng ${word(i * 7, 2)} ${word(i + 13, 3 + (i % 2))}`,
    i % 2 ? 'Nam' : 'Nữ',
    `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${1930 + (i % 90)}`,
    `0${String(19_000_000_000 + i).padStart(11, '0')}`,
    `GD40${String(i).padStart(11, '0')}`,
    '01/01/2026',
    '31/12/2026',
    `Trạm Y tế ${word(i + 17, 5)}`,
    `Đối tượng ${word(i, 2)}`,
    `09${String(i).padStart(8, '0')}`,
    ETHNIC_GROUPS[i % ETHNIC_GROUPS.length] as string,
    `Làm ${word(i * 11, 3)}`,
    RESIDENCE[i % RESIDENCE.length] as string,
  ];
}
