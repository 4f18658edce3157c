/**
 * Vietnamese text folding for search: staff type "nguyen thi hong" for "Nguyễn Thị Hồng",
 * and "dang" must find "Đặng" (đ is a letter of its own, not an accented d, so NFD alone
 * leaves it). The database folds with the same rules (function ytcs_fold); a test checks both agree.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    // Central Highlands names write the apostrophe either way (M’Drắk, M'Drắk).
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
