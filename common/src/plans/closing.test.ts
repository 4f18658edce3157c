import { describe, expect, it } from 'vitest';
import { looksLikeRecipient } from './closing.ts';
import { parsePlanText } from './parse.ts';

const PARTY_PLAN = [
  'ĐẢNG BỘ TỈNH HƯNG YÊN',
  'HUYỆN ỦY VĂN LÂM',
  '*',
  'Số 123-KH/HU',
  'KẾ HOẠCH',
  'thực hiện Chỉ thị số 25-CT/TW ngày 25/10/2023 của Ban Bí thư',
  'I- MỤC TIÊU',
  '1- Đến năm 2030, 100% trạm y tế xã có bác sĩ.',
  'II- NHIỆM VỤ, GIẢI PHÁP',
  'a- Củng cố mạng lưới y tế cơ sở.',
  'Trên đây là Kế hoạch thực hiện Chỉ thị số 25-CT/TW của Ban Thường vụ Huyện ủy./.',
];
const read = (...closing: string[]) => parsePlanText([...PARTY_PLAN, ...closing].join('\n'));
const keys = (p: ReturnType<typeof parsePlanText>) => p.warnings.map((w) => w.key).filter((k) => k?.startsWith('plans.draft.signer'));
const RECIPIENTS = ['Ban Thường vụ Tỉnh ủy', 'Như trên'];

describe('a Party committee closing', () => {
  it('side by side: recipients on the left, the Standing Committee signature on the right', () => {
    const p = read('Nơi nhận:\tT/M BAN THƯỜNG VỤ', '- Ban Thường vụ Tỉnh ủy (b/c),\tBÍ THƯ', '- Như trên,', '- Lưu VP Huyện ủy.\tNguyễn Văn An');
    expect(p.signer).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn An' });
    expect(p.recipients.map((r) => r.name)).toEqual(RECIPIENTS);
    expect(keys(p)).toEqual([]);
  });

  it('flattened, the columns interleaved: recipients stay recipients and the name is the signer', () => {
    const p = read('Nơi nhận:', 'T/M BAN THƯỜNG VỤ', '- Ban Thường vụ Tỉnh ủy (b/c),', 'BÍ THƯ', '- Như trên,', '- Lưu VP Huyện ủy.', 'Nguyễn Văn An');
    expect(p.signer).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn An' });
    expect(p.recipients.map((r) => r.name)).toEqual(RECIPIENTS);
  });

  it('flattened without the name: no recipient line becomes the signer, and the reviewer is told', () => {
    const p = read('Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Ban Thường vụ Tỉnh ủy (b/c)', 'Như trên', 'Lưu VP Huyện ủy');
    expect(p.signer).toEqual({ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: null });
    expect(keys(p)).toEqual(['plans.draft.signerDoubtful']);
    expect(p.warnings.find((w) => w.key === 'plans.draft.signerDoubtful')?.vi).toBe(
      'Dòng “Lưu VP Huyện ủy” ở chỗ tên người ký giống nơi nhận hoặc tên cơ quan, không lấy làm người ký; hãy điền tên người ký.',
    );
  });

  it('takes no title printed twice for the name', () => {
    const p = read('Nơi nhận:', '- Ban Thường vụ Tỉnh ủy,', '- Lưu VP.', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'PHÓ BÍ THƯ THƯỜNG TRỰC');
    expect(p.signer.name).toBeNull();
    expect(keys(p)).toEqual(['plans.draft.signerDoubtful']);
  });
});

describe('a line that looks like a recipient or an office', () => {
  it.each([
    '- Ban Thường vụ Tỉnh ủy (b/c)',
    '+ Các Đảng ủy xã',
    'Như trên',
    'Lưu VP',
    'Lưu Văn phòng Huyện ủy',
    'Sở Y tế',
    'Phòng Văn hóa - Xã hội',
    'UBND các xã',
    'Đảng ủy xã Hòa Phong',
    'Trạm Y tế xã',
    'Trung tâm Y tế huyện',
    'BÍ THƯ',
    'THƯỜNG TRỰC HUYỆN ỦY',
  ])('%s', (line) => expect(looksLikeRecipient(line)).toBe(true));

  it.each(['Nguyễn Văn An', 'Lưu Văn Phòng', 'Phạm Văn Súng', 'ĐÀO NGUYÊN DŨNG', 'Bàn Văn Tâm'])('but not the name %s', (name) => expect(looksLikeRecipient(name)).toBe(false));
});
