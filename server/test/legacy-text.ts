/**
 * Text as the .Vn fonts (TCVN3/ABC, the VN3 set) leave it in Word, in PDFs and on the clipboard:
 * each letter's TCVN3 byte shown as the Latin-1 character of that byte ("KÕ ho¹ch"). VN3 has no
 * capitals with tones (they were typed in the capitals-only .VnTimeH font, as lower-case codes),
 * so `vn3Typed` gives the text as it can be typed: those capitals in lower case ("ủy ban").
 */
import iconv from 'iconv-lite';

const TONED_CAPITAL = /[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/g;

export const vn3Typed = (unicode: string) => unicode.normalize('NFC').replace(TONED_CAPITAL, (c) => c.toLowerCase());

export function asVnFontText(unicode: string): string {
  return iconv.encode(vn3Typed(unicode), 'tcvn').toString('latin1');
}

/** VNI Windows as the VNI-Times font leaves it: the vowel, then its mark bytes ("Keá hoaïch"). */
export const VNI_TEXT = 'KEÁ HOAÏCH\nTrieån khai thöïc hieän Chæ thò soá 25-CT/TW veà y teá cô sôû cuûa UÛy ban nhaân daân xaõ Hoøa Phong';
