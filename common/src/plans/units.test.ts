import { describe, expect, it } from 'vitest';
import { findRefs } from './references.ts';
import { coordinatingIn, deadlineOf, recurringOf, splitUnits, taskRecurrence } from './units.ts';

describe('splitUnits', () => {
  it('splits only where an agency name starts', () => {
    expect(splitUnits('Phòng Giáo dục và Đào tạo, UBND các xã, phường và các cơ quan, đơn vị liên quan')).toEqual([
      'Phòng Giáo dục và Đào tạo',
      'UBND các xã, phường',
      'các cơ quan, đơn vị liên quan',
    ]);
    expect(splitUnits('Công chức Văn hóa; Đài truyền thanh xã')).toEqual(['Công chức Văn hóa', 'Đài truyền thanh xã']);
  });

  it('ends the coordinating list at the verb, not at "các tổ chức"', () => {
    expect(coordinatingIn('Phối hợp với Ủy ban MTTQ và các tổ chức chính trị - xã hội tổ chức tuyên truyền.')).toEqual([
      'Ủy ban MTTQ',
      'các tổ chức chính trị - xã hội',
    ]);
  });
});

describe('deadlineOf / recurringOf', () => {
  it('turns dates, quarters, months and years into the last day', () => {
    expect(deadlineOf('báo cáo trước ngày 15/12/2025')).toBe('2025-12-15');
    expect(deadlineOf('hoàn thành trước ngày 30 tháng 6 năm 2025')).toBe('2025-06-30');
    expect(deadlineOf('hoàn thành trong Quý IV/2025')).toBe('2025-12-31');
    expect(deadlineOf('Quý 2 năm 2026', true)).toBe('2026-06-30');
    expect(deadlineOf('trong tháng 2/2024')).toBe('2024-02-29');
    expect(deadlineOf('đến hết năm 2030')).toBe('2030-12-31');
    expect(deadlineOf('từ ngày 01 tháng 7 năm 2025 thực hiện')).toBeNull();
    expect(deadlineOf('trước ngày 31/02/2025')).toBeNull();
  });

  it('names the recurrence as written', () => {
    expect(recurringOf('báo cáo định kỳ hằng quý và năm')).toBe('định kỳ hằng quý');
    expect(recurringOf('Hàng năm tổ chức')).toBe('hàng năm');
    expect(recurringOf('một lần')).toBeNull();
  });

  it('takes a task\'s recurrence only from its own schedule: the leading clause, or its "Thời gian:"', () => {
    expect(taskRecurrence('Thường xuyên tuyên truyền, vận động nhân dân')).toBe('thường xuyên');
    expect(taskRecurrence('Duy trì tổ chức “Ngày Sức khỏe toàn dân 07/4” hằng năm với các hoạt động thiết thực; đồng thời chỉ đạo các thôn')).toBe('hằng năm');
    // What people are urged to do daily is the content of the campaign, not its schedule.
    expect(taskRecurrence('Đẩy mạnh tuyên truyền trong Nhân dân, tập trung vào các nội dung: vận động người dân duy trì thói quen tập luyện thể dục thể thao hằng ngày; giảm tiêu thụ rượu, bia')).toBeNull();
    expect(taskRecurrence('Tuyên truyền về Nghị quyết; đặc biệt là các chỉ tiêu về khám sức khỏe định kỳ')).toBeNull();
    // Nouns that carry the word: recurrent spending, the periodic health check.
    expect(taskRecurrence('Đề xuất đảm bảo ngân sách chi thường xuyên cho các hoạt động của y tế cơ sở')).toBeNull();
    expect(taskRecurrence('Tổ chức khám sức khỏe định kỳ, khám sàng lọc miễn phí hằng năm cho Nhân dân; chú trọng')).toBe('hằng năm');
    expect(taskRecurrence('Rà soát hồ sơ sức khỏe; thời gian thực hiện: hằng quý')).toBe('hằng quý');
    // A yearly plan or budget is a noun the task speaks of, not how often it is done.
    expect(taskRecurrence('Đưa các mục tiêu, chỉ tiêu về y tế cơ sở vào trong chương trình, kế hoạch phát triển kinh tế - xã hội hàng năm, 5 năm và chiến lược phát triển dài hạn của các ngành')).toBeNull();
    expect(taskRecurrence('Chủ trì tham mưu bố trí đảm bảo kinh phí hoạt động thường xuyên cho y tế cơ sở phù hợp với khả năng ngân sách địa phương hàng năm; lồng ghép các mục tiêu vào kế hoạch phát triển Kinh tế - Xã hội hàng năm và 5 năm')).toBeNull();
    expect(taskRecurrence('Hằng năm xây dựng kế hoạch kiểm tra, giám sát')).toBe('hằng năm');
  });
});

describe('findRefs', () => {
  it('reads number, date in words or digits, and issuer', () => {
    const refs = findRefs(
      'Căn cứ Quyết định số 281/QĐ-TTg ngày 05 tháng 4 năm 2024 của Thủ tướng Chính phủ; Kế hoạch số 133 / KH-UBND ngày 03/5/2024 của UBND thị xã Mỹ Hào về việc ...',
    );
    expect(refs.map(({ at: _a, ...r }) => r)).toEqual([
      {
        kind: 'Quyết định',
        number: '281/QĐ-TTg',
        issuedOn: '2024-04-05',
        issuer: 'Thủ tướng Chính phủ',
        text: 'Quyết định số 281/QĐ-TTg ngày 05 tháng 4 năm 2024 của Thủ tướng Chính phủ',
      },
      {
        kind: 'Kế hoạch',
        number: '133/KH-UBND',
        issuedOn: '2024-05-03',
        issuer: 'UBND thị xã Mỹ Hào',
        text: 'Kế hoạch số 133 / KH-UBND ngày 03/5/2024 của UBND thị xã Mỹ Hào',
      },
    ]);
    expect(findRefs('Kế hoạch này và ngày 25/10/2023')).toEqual([]);
  });
});
