// What the walk-through found missing: confirmations, checks as typed, the dashboard's access,
// standing and exported images, the plan page's layout.
export const viFeedback = {
  saved: {
    encounter: 'Đã lưu lần khám ngày {{date}}',
    encounterHint: 'Lần khám đã có trong hồ sơ sức khỏe.',
    task: 'Đã lưu cập nhật nhiệm vụ',
    taskHint: '{{section}} {{text}} — {{progress}}%',
  },
  password: {
    tooShort: 'Cần ít nhất {{min}} ký tự (mới có {{count}})',
    sameAsCurrent: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    hint: 'Ít nhất {{min}} ký tự',
  },
  dashboard: {
    noAccess: 'Không tìm thấy đơn vị này hoặc đơn vị ngoài phạm vi của bạn',
    noAccessHint: 'Đơn vị trong đường dẫn (mã {{id}}) không xem được bằng tài khoản này.',
    backToScope: 'Về đơn vị của tôi',
    standing: { met: 'Đạt', near: 'Gần đạt', far: 'Còn xa', none: 'Chưa có chỉ tiêu' },
    standingLegend: 'Màu theo chỉ tiêu: xanh lá — đạt; cam — gần đạt (thiếu không quá 10% mức chỉ tiêu); đỏ — còn xa; xám xanh — chưa có chỉ tiêu.',
    noTarget: 'Chưa có kế hoạch đặt chỉ tiêu này cho đơn vị; các cột không tô màu đạt/chưa đạt.',
    imageUnit: 'Đơn vị: {{unit}}',
    imagePeriod: 'Kỳ: {{period}}',
    imageTargets: 'Chỉ tiêu kế hoạch so với số liệu',
    imageTrend: 'Xu hướng theo quý: {{indicator}}',
    imageValue: 'Đơn vị tính: {{measure}}',
    percent: '%',
    count: 'số lượng',
  },
  plan: {
    more: 'Xem thêm',
    less: 'Thu gọn',
  },
  report: {
    preparing: 'Đang lập báo cáo {{format}}…',
    ready: 'Đã tải báo cáo {{format}}',
  },
};
