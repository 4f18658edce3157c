/**
 * Vietnamese names with realistic frequencies, as data: family names by ethnic group (Kinh and,
 * for the northern mountain provinces, Tày/Nùng, Dao, HMông, Sán Dìu, Sán Chay, Hoa), middle and
 * given names by sex and birth cohort (a woman born in 1950 is almost always "Thị"; one born in
 * 2015 is often "Ngọc", "Bảo", "Khánh"…). All text is NFC with full diacritics. People made from
 * these lists are made up.
 */
import { type Rng, Weighted } from './random.ts';

export type Sex = 'male' | 'female';
export type NameProfile = 'kinh' | 'tay_nung' | 'dao' | 'hmong' | 'san_diu' | 'san_chay' | 'hoa';

/** Family names, weight in per cent of the group (Kinh: national survey figures, rounded). */
const FAMILY: Record<NameProfile, [string, number][]> = {
  kinh: [
    ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Phan', 4.5], ['Vũ', 3.9], ['Đặng', 2.1], ['Bùi', 2],
    ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8], ['Đào', 0.8], ['Đoàn', 0.6], ['Trịnh', 0.6],
    ['Mai', 0.5], ['Lương', 0.5], ['Trương', 0.5], ['Cao', 0.4], ['Hà', 0.4], ['Tạ', 0.3], ['Lưu', 0.3], ['Chu', 0.3], ['Lâm', 0.3],
    ['Phùng', 0.3], ['Vương', 0.2], ['Kiều', 0.2], ['Tô', 0.2], ['Quách', 0.2], ['Thái', 0.2], ['Triệu', 0.2], ['Đàm', 0.2],
    ['Nghiêm', 0.1], ['Khúc', 0.1], ['Văn', 0.1], ['Nông', 0.1], ['Lại', 0.1], ['Tăng', 0.1], ['Bạch', 0.1], ['Giang', 0.1], ['Âu', 0.1],
    ['Ông', 0.1], ['Doãn', 0.1], ['Hứa', 0.1], ['Kim', 0.1], ['Lã', 0.1], ['Lục', 0.1], ['Mạc', 0.1], ['Ninh', 0.1], ['Phí', 0.1],
    ['Quan', 0.1], ['Thân', 0.1], ['Tống', 0.1], ['Vi', 0.1], ['Viên', 0.1], ['Khổng', 0.1], ['Châu', 0.1], ['Cù', 0.1], ['Đồng', 0.1],
    ['Hàn', 0.1], ['La', 0.1], ['Từ', 0.1],
  ],
  tay_nung: [
    ['Nông', 16], ['Hoàng', 14], ['Ma', 8], ['Hà', 7], ['Nguyễn', 6], ['Lục', 5], ['Lộc', 4], ['Bế', 4], ['Đàm', 4], ['Triệu', 4],
    ['Dương', 4], ['Lương', 4], ['Lường', 3], ['La', 3], ['Lý', 3], ['Vi', 3], ['Hứa', 2], ['Lâm', 2], ['Chu', 2], ['Đinh', 2],
    ['Mông', 1], ['Ngôn', 1], ['Ninh', 1], ['Hầu', 1],
  ],
  dao: [['Triệu', 28], ['Bàn', 22], ['Đặng', 15], ['Lý', 10], ['Phùng', 6], ['Hoàng', 5], ['Chảo', 4], ['Dương', 3], ['Tẩn', 3], ['Trương', 2], ['Sầm', 1], ['Lò', 1]],
  hmong: [['Giàng', 20], ['Vàng', 18], ['Thào', 14], ['Sùng', 12], ['Lý', 10], ['Hầu', 6], ['Mã', 5], ['Lầu', 5], ['Hờ', 4], ['Ly', 3], ['Chảo', 3]],
  san_diu: [['Diệp', 12], ['Lam', 10], ['Trương', 8], ['Lục', 8], ['Tạ', 6], ['Hoàng', 6], ['Phạm', 5], ['Lưu', 5], ['Từ', 5], ['Đặng', 5], ['Lý', 5], ['Trần', 5], ['Nguyễn', 5], ['Chu', 5], ['Bạch', 4]],
  san_chay: [['Hoàng', 14], ['Lâm', 10], ['Trần', 8], ['Nguyễn', 6], ['Tạ', 6], ['Sầm', 6], ['Hà', 6], ['La', 6], ['Lăng', 5], ['Đặng', 5], ['Lưu', 5], ['Trương', 4]],
  hoa: [['Lý', 12], ['Trương', 10], ['Hoàng', 10], ['Vương', 8], ['Lâm', 8], ['Lưu', 6], ['Dương', 6], ['Chu', 6], ['Trần', 6], ['Tăng', 4], ['Quan', 4], ['Diệp', 4], ['Mạc', 3]],
};

/** [name, weight among people born before 1965, 1965–1999, from 2000]. */
type CohortEntry = [string, number, number, number];

const MIDDLE_MALE: CohortEntry[] = [
  ['Văn', 80, 55, 22], ['Đức', 3, 6, 8], ['Minh', 1, 4, 10], ['Quang', 2, 4, 5], ['Hữu', 3, 4, 2], ['Xuân', 3, 3, 2], ['Thanh', 2, 3, 3],
  ['Công', 2, 3, 3], ['Trọng', 1, 2, 3], ['Duy', 0, 2, 6], ['Ngọc', 2, 2, 2], ['Tiến', 1, 2, 3], ['Đình', 3, 3, 2], ['Mạnh', 1, 2, 3],
  ['Thế', 2, 2, 2], ['Hoàng', 0, 1, 4], ['Gia', 0, 0, 6], ['Anh', 0, 1, 4], ['Bảo', 0, 0, 5], ['Tuấn', 0, 1, 4], ['Trung', 1, 1, 2],
  ['Kim', 1, 1, 0], ['Bá', 2, 1, 0], ['Khánh', 0, 0, 3], ['Nhật', 0, 0, 4], ['Đăng', 0, 0, 3],
];
const MIDDLE_FEMALE: CohortEntry[] = [
  ['Thị', 95, 70, 28], ['Ngọc', 1, 4, 8], ['Thu', 1, 4, 4], ['Thanh', 1, 4, 4], ['Thùy', 0, 2, 5], ['Minh', 0, 1, 5], ['Hồng', 1, 3, 2],
  ['Kim', 1, 3, 2], ['Phương', 0, 2, 5], ['Bảo', 0, 0, 5], ['Khánh', 0, 0, 5], ['Mai', 0, 2, 3], ['Quỳnh', 0, 1, 3], ['Diệu', 0, 1, 2],
  ['Hải', 0, 1, 2], ['Thảo', 0, 0, 3], ['Hà', 0, 1, 2], ['Lan', 0, 1, 2], ['Tường', 0, 0, 2], ['Gia', 0, 0, 3], ['Yến', 0, 0, 2], ['Tuyết', 0, 1, 1],
];
const GIVEN_MALE: CohortEntry[] = [
  ['Hùng', 3, 5, 2], ['Dũng', 2, 5, 2], ['Tuấn', 1, 5, 3], ['Minh', 2, 4, 5], ['Nam', 2, 4, 4], ['Hải', 2, 4, 3], ['Sơn', 3, 4, 2],
  ['Long', 2, 4, 4], ['Thắng', 3, 4, 1], ['Cường', 2, 4, 2], ['Hiếu', 1, 3, 3], ['Đức', 3, 3, 3], ['Trung', 2, 4, 2], ['Quân', 0, 2, 4],
  ['Huy', 0, 3, 5], ['Phong', 1, 2, 3], ['Tùng', 1, 3, 2], ['Bình', 4, 3, 1], ['Thành', 4, 4, 2], ['Hoàng', 1, 3, 3], ['Khánh', 0, 2, 4],
  ['Kiên', 1, 2, 3], ['Lâm', 1, 2, 3], ['Mạnh', 2, 3, 1], ['Nghĩa', 2, 3, 1], ['Phúc', 1, 2, 4], ['Quang', 2, 3, 2], ['Tài', 1, 2, 2],
  ['Thịnh', 1, 2, 2], ['Toàn', 2, 3, 1], ['Trường', 2, 3, 2], ['Việt', 1, 3, 2], ['Vinh', 3, 3, 1], ['An', 1, 1, 5], ['Bảo', 0, 1, 5],
  ['Khôi', 0, 0, 4], ['Đăng', 0, 1, 3], ['Khoa', 0, 1, 4], ['Duy', 0, 2, 3], ['Hưng', 2, 3, 3], ['Hiệp', 2, 2, 1], ['Chiến', 3, 3, 1],
  ['Tâm', 2, 2, 2], ['Thái', 2, 2, 2], ['Tiến', 2, 3, 2], ['Vũ', 0, 2, 3], ['Hậu', 1, 2, 1], ['Lợi', 2, 2, 0], ['Quý', 3, 1, 0],
  ['Thọ', 4, 1, 0], ['Phát', 1, 1, 2], ['Lộc', 2, 1, 1], ['Tý', 3, 0, 0], ['Sửu', 2, 0, 0], ['Dần', 2, 0, 0], ['Lực', 2, 2, 0],
  ['Hòa', 3, 2, 0], ['Đạt', 0, 2, 4], ['Nhật', 0, 0, 4], ['Phú', 2, 1, 1], ['Chính', 3, 1, 0], ['Thuận', 2, 2, 1], ['Hào', 0, 1, 2],
  ['Thiện', 0, 1, 2], ['Quyết', 2, 2, 0], ['Tú', 1, 2, 2], ['Kiệt', 0, 0, 3],
];
const GIVEN_FEMALE: CohortEntry[] = [
  ['Lan', 4, 4, 1], ['Hương', 3, 5, 2], ['Hoa', 4, 4, 1], ['Mai', 3, 4, 2], ['Linh', 0, 4, 6], ['Trang', 0, 4, 5], ['Hằng', 1, 4, 2],
  ['Hạnh', 3, 4, 1], ['Huyền', 1, 4, 3], ['Ngọc', 1, 3, 4], ['Nhung', 2, 4, 1], ['Phương', 1, 4, 3], ['Thảo', 0, 4, 4], ['Thủy', 2, 4, 1],
  ['Yến', 2, 4, 2], ['Anh', 0, 3, 6], ['Dung', 3, 3, 1], ['Hà', 2, 4, 3], ['Hiền', 2, 4, 2], ['Hồng', 4, 3, 1], ['Loan', 3, 3, 0],
  ['Lý', 3, 2, 0], ['Nga', 3, 4, 1], ['Oanh', 2, 3, 1], ['Thanh', 3, 3, 1], ['Thu', 3, 4, 1], ['Thúy', 2, 4, 1], ['Trinh', 0, 2, 2],
  ['Vân', 3, 3, 2], ['Xuân', 3, 2, 1], ['Diễm', 0, 1, 2], ['Quỳnh', 0, 2, 4], ['Ngân', 0, 2, 5], ['Nhi', 0, 1, 5], ['Vy', 0, 0, 5],
  ['Chi', 0, 1, 4], ['My', 0, 1, 4], ['Như', 0, 1, 3], ['Trâm', 0, 1, 3], ['Uyên', 0, 1, 4], ['Hân', 0, 0, 4], ['An', 0, 1, 4],
  ['Giang', 1, 3, 3], ['Liên', 4, 3, 0], ['Nhàn', 3, 2, 0], ['Sen', 3, 1, 0], ['Tuyết', 3, 2, 0], ['Lụa', 3, 0, 0], ['Đào', 3, 1, 0],
  ['Mến', 3, 1, 0], ['Thơm', 3, 0, 0], ['Hợi', 2, 0, 0], ['Gái', 2, 0, 0], ['Bích', 2, 2, 0], ['Nguyệt', 2, 2, 1], ['Nụ', 2, 0, 0],
  ['Tươi', 2, 1, 0], ['Lành', 2, 1, 0], ['Chinh', 1, 2, 1], ['Duyên', 1, 3, 2], ['Thư', 0, 1, 4], ['Diệp', 0, 1, 2], ['Quyên', 1, 2, 2],
  ['Lệ', 2, 2, 0], ['Ánh', 1, 3, 2], ['Châu', 0, 2, 2], ['Thắm', 2, 2, 0], ['Huệ', 3, 2, 0], ['Cúc', 3, 1, 0], ['Tâm', 2, 2, 1],
];

/** Names of the groups' own tradition, mixed in with the shared lists above. */
const TRADITIONAL: Partial<Record<NameProfile, { share: number; middleMale?: [string, number][]; middleFemale?: [string, number][]; male: [string, number][]; female: [string, number][] }>> = {
  tay_nung: {
    share: 0.15,
    male: [['Dền', 2], ['Khiêm', 2], ['Chấn', 2], ['Pịn', 1], ['Slay', 1], ['Nghiệp', 1]],
    female: [['Slim', 1], ['Nhất', 1], ['Pín', 1], ['Dịu', 2], ['Mỵ', 1]],
  },
  dao: {
    share: 0.4,
    male: [['Chài', 3], ['Sành', 3], ['Phin', 3], ['Quẩy', 3], ['Chòi', 2], ['Tòn', 2], ['Liềm', 2], ['Kiềm', 2]],
    female: [['Mẩy', 3], ['Nải', 2], ['Kiều', 2], ['Xuân', 2], ['Sỉnh', 1]],
  },
  hmong: {
    share: 0.8,
    middleMale: [['A', 10], ['Seo', 6], ['Mí', 5], ['Văn', 4]],
    middleFemale: [['Thị', 10]],
    male: [['Páo', 3], ['Dình', 2], ['Sử', 2], ['Chứ', 2], ['Chua', 2], ['Lử', 2], ['Pó', 2], ['Sếnh', 1]],
    female: [['Mỷ', 3], ['Dợ', 2], ['Súa', 2], ['Mai', 2], ['Pà', 2], ['Chía', 1]],
  },
};

/** Minority groups keep "Văn"/"Thị" longer than the Kinh majority. */
const VAN_THI_BOOST: Record<NameProfile, number> = { kinh: 1, tay_nung: 2.5, dao: 3, hmong: 3, san_diu: 2.5, san_chay: 2.5, hoa: 0.6 };

type Cohort = 0 | 1 | 2;
const cohortOf = (birthYear: number): Cohort => (birthYear < 1965 ? 0 : birthYear < 2000 ? 1 : 2);

function cohortTables(entries: CohortEntry[], boost = 1): [Weighted<string>, Weighted<string>, Weighted<string>] {
  const table = (c: Cohort) =>
    new Weighted(
      entries
        .map(([name, ...weights]) => [name, weights[c] * (name === 'Văn' || name === 'Thị' ? boost : 1)] as const)
        .filter(([, weight]) => weight > 0),
    );
  return [table(0), table(1), table(2)];
}

interface ProfileTables {
  family: Weighted<string>;
  middle: Record<Sex, [Weighted<string>, Weighted<string>, Weighted<string>]>;
  given: Record<Sex, [Weighted<string>, Weighted<string>, Weighted<string>]>;
  traditional?: { share: number; middle: Partial<Record<Sex, Weighted<string>>>; given: Record<Sex, Weighted<string>> };
}

const tables = new Map<NameProfile, ProfileTables>();
function tablesOf(profile: NameProfile): ProfileTables {
  let t = tables.get(profile);
  if (!t) {
    const boost = VAN_THI_BOOST[profile];
    const trad = TRADITIONAL[profile];
    t = {
      family: new Weighted(FAMILY[profile]),
      middle: { male: cohortTables(MIDDLE_MALE, boost), female: cohortTables(MIDDLE_FEMALE, boost) },
      given: { male: cohortTables(GIVEN_MALE), female: cohortTables(GIVEN_FEMALE) },
      traditional: trad && {
        share: trad.share,
        middle: { male: trad.middleMale && new Weighted(trad.middleMale), female: trad.middleFemale && new Weighted(trad.middleFemale) },
        given: { male: new Weighted(trad.male), female: new Weighted(trad.female) },
      },
    };
    tables.set(profile, t);
  }
  return t;
}

export function familyName(rng: Rng, profile: NameProfile): string {
  return tablesOf(profile).family.pick(rng);
}

/**
 * A full name: family name (given, for a child who takes the father's), middle name(s), given
 * name. A middle name never repeats the given name ("Nguyễn Minh Minh").
 */
export function fullName(rng: Rng, profile: NameProfile, sex: Sex, birthYear: number, family?: string): string {
  const t = tablesOf(profile);
  const cohort = cohortOf(birthYear);
  const last = family ?? t.family.pick(rng);
  const trad = t.traditional && rng.chance(t.traditional.share) ? t.traditional : null;
  const given = (trad ? trad.given[sex] : t.given[sex][cohort]).pick(rng);
  let middle = (trad?.middle[sex] ?? t.middle[sex][cohort]).pick(rng);
  for (let i = 0; middle === given && i < 5; i++) middle = t.middle[sex][cohort].pick(rng);
  // Some girls born since 2000 carry two middle names: "Nguyễn Ngọc Bảo Anh".
  if (sex === 'female' && cohort === 2 && profile === 'kinh' && middle !== 'Thị' && rng.chance(0.06)) {
    const second = t.middle.female[2].pick(rng);
    if (second !== middle && second !== given && second !== 'Thị') middle = `${middle} ${second}`;
  }
  return `${last} ${middle} ${given}`;
}

/** Every name in the lists, for tests (NFC, diacritics). */
export function allNameParts(): string[] {
  const parts = new Set<string>();
  for (const list of Object.values(FAMILY)) for (const [n] of list) parts.add(n);
  for (const list of [MIDDLE_MALE, MIDDLE_FEMALE, GIVEN_MALE, GIVEN_FEMALE]) for (const [n] of list) parts.add(n);
  for (const trad of Object.values(TRADITIONAL)) {
    for (const list of [trad.male, trad.female, trad.middleMale ?? [], trad.middleFemale ?? []]) for (const [n] of list) parts.add(n);
  }
  return [...parts];
}

/** The share of a family name in a group's list (for tests and documentation). */
export function familyShare(profile: NameProfile, name: string): number {
  return tablesOf(profile).family.share(name);
}
