/**
 * The columns a register spreadsheet may carry, shared by the importer (server) and the import
 * page (web). Each field's first header is the one the export writes and the importer reads
 * first, so an exported register imports back unchanged; the others are names stations use.
 */
export const IMPORT_FIELDS = [
  'village',
  'householdCode',
  'address',
  'relationship',
  'head',
  'fullName',
  'sex',
  'birthDate',
  'birthYear',
  'citizenId',
  'insuranceCode',
  'insuranceValidFrom',
  'insuranceValidTo',
  'insuranceFacility',
  'beneficiaryGroup',
  'phone',
  'ethnicity',
  'occupation',
  'residenceStatus',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_HEADERS: Record<ImportField, string[]> = {
  village: ['Thôn/Tổ dân phố', 'Thôn', 'Tổ dân phố', 'Thôn/Tổ', 'Thôn/Xóm', 'Thôn/Bản', 'Thôn/Ấp', 'Thôn, tổ dân phố', 'Ấp', 'Bản', 'Xóm', 'Khu phố', 'TDP', 'Village', 'Hamlet', 'Residential group'],
  householdCode: ['Số hộ', 'Mã hộ', 'Mã hộ gia đình', 'Mã số hộ', 'Hộ số', 'Số hộ khẩu', 'Household number', 'Household no', 'Household code', 'Household'],
  address: ['Địa chỉ', 'Địa chỉ hộ', 'Địa chỉ nơi ở', 'Nơi ở', 'Nơi ở hiện tại', 'Address'],
  relationship: ['Quan hệ với chủ hộ', 'Quan hệ chủ hộ', 'QH với chủ hộ', 'Quan hệ', 'Relationship to head', 'Relationship', 'Relation to head'],
  // A column marking the head with "x" (the register's "Chủ hộ" column), beside or instead of the relationship.
  head: ['Chủ hộ', 'Là chủ hộ', 'Đánh dấu chủ hộ', 'Head of household', 'Household head', 'Is head'],
  fullName: ['Họ và tên', 'Họ tên', 'Họ và tên người dân', 'Full name', 'Fullname', 'Name'],
  sex: ['Giới tính', 'Giới', 'GT', 'Sex', 'Gender'],
  birthDate: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'NTNS', 'Date of birth', 'Birth date', 'Birthdate', 'DOB'],
  birthYear: ['Năm sinh', 'Year of birth', 'Birth year'],
  citizenId: ['Số CCCD', 'CCCD', 'Số định danh', 'Số định danh cá nhân', 'Mã định danh', 'Số CCCD/CMND', 'CCCD/CMND', 'Số CMND/CCCD', 'Căn cước công dân', 'Số căn cước', 'Số căn cước công dân', 'Citizen ID', 'Personal ID', 'National ID', 'ID number'],
  insuranceCode: ['Mã thẻ BHYT', 'Số thẻ BHYT', 'Mã BHYT', 'Thẻ BHYT', 'Số BHYT', 'Mã số BHXH', 'Insurance code', 'Health insurance code', 'Health insurance', 'Insurance number', 'Insurance card'],
  insuranceValidFrom: ['Hạn thẻ từ', 'Hạn thẻ BHYT từ', 'Giá trị sử dụng từ', 'Giá trị từ', 'Hạn từ', 'Insurance valid from', 'Valid from'],
  insuranceValidTo: ['Hạn thẻ đến', 'Hạn thẻ BHYT đến', 'Giá trị sử dụng đến', 'Giá trị đến', 'Hạn đến', 'Hạn thẻ', 'Hạn sử dụng', 'Insurance valid to', 'Insurance valid until', 'Valid to', 'Valid until'],
  insuranceFacility: ['Nơi ĐKKCB ban đầu', 'Nơi ĐKKCB', 'ĐKKCB ban đầu', 'ĐKKCB', 'Nơi đăng ký KCB ban đầu', 'Nơi đăng ký khám chữa bệnh ban đầu', 'Insurance facility', 'Registered facility', 'Primary care facility'],
  beneficiaryGroup: ['Đối tượng', 'Mã đối tượng', 'Nhóm đối tượng', 'Beneficiary group'],
  phone: ['Số điện thoại', 'SĐT', 'Điện thoại', 'Số ĐT', 'ĐT', 'Di động', 'Phone number', 'Phone', 'Mobile', 'Telephone'],
  ethnicity: ['Dân tộc', 'Mã dân tộc', 'Ethnicity', 'Ethnic group', 'Ethnicity code'],
  occupation: ['Nghề nghiệp', 'Nghề', 'Công việc', 'Occupation', 'Job'],
  residenceStatus: ['Tình trạng cư trú', 'Cư trú', 'Loại cư trú', 'Residence status', 'Residence'],
};

/** The header the export writes for a field (and the importer reads first). */
export const headerOf = (field: ImportField) => IMPORT_HEADERS[field][0] as string;
