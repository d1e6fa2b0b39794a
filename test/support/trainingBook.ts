/**
 * A small roster with a training list (issue 12), shared by the countTraining tests of the core and
 * of the task pane: four civil servants of Quảng Lợi below the ND 33/2023 professional standard, and
 * the training of each (one degree finished, one of the wrong type, one not finished, one attending).
 */
import type { SheetSpec } from "./grid";

/** Four civil servants of Quảng Lợi below the ND 33/2023 professional standard (Đại học). */
export const TRAINING_ROSTER: SheetSpec = {
  name: "DS CBCC",
  rows: [
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ QUẢNG LỢI NĂM 2024"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Trình độ chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Số CCCD"],
    [1, "Trần Thị Hường", "15/08/1985", "Nữ", "Văn phòng - thống kê", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", undefined, "022185001111"],
    [2, "Vũ Văn Tư", "02/02/1984", "Nam", "Tư pháp - hộ tịch", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", undefined, "022084002222"],
    [3, "Phạm Thị Mai", "01/01/1988", "Nữ", "Địa chính - xây dựng", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp", undefined, "022188003333"],
    [4, "Đinh Văn Hòa", "09/09/1990", "Nam", "Văn hóa - xã hội", "Xã Quảng Lợi", "Cao đẳng", "Sơ cấp", undefined, "022090004444"],
  ],
};

/** A flat training list: a degree finished (counts), an LLCT programme (wrong type), one not finished, one still attending. */
export const TRAINING_LIST: SheetSpec = {
  name: "Đào tạo",
  rows: [
    ["DANH SÁCH CÁN BỘ ĐƯỢC CỬ ĐI ĐÀO TẠO, BỒI DƯỠNG GIAI ĐOẠN 2020 - 2024"],
    ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Chức danh", "Nội dung đào tạo", "Trình độ đạt được", "Thời gian", "Nơi đào tạo", "Tình trạng"],
    [1, "Trần Thị Hường", "15/08/1985", "Xã Quảng Lợi", "Văn phòng - thống kê", "Đại học Luật (vừa làm vừa học)", "Đại học", "2020 - 2024", "Đại học Luật Hà Nội", "Đã tốt nghiệp"],
    [2, "Vũ Văn Tư", "02/02/1984", "Xã Quảng Lợi", "Tư pháp - hộ tịch", "Cao cấp lý luận chính trị", "Cao cấp", "2021 - 2022", "Học viện Chính trị khu vực I", "Đã tốt nghiệp"],
    [3, "Phạm Thị Mai", "01/01/1988", "Xã Quảng Lợi", "Địa chính - xây dựng", "Đại học Quản lý đất đai", "Đại học", "2021 - 2025", "Đại học Nông lâm"],
    [4, "Đinh Văn Hòa", "09/09/1990", "Xã Quảng Lợi", "Văn hóa - xã hội", "Đại học Văn hóa", "Đại học", "2020 - 2024", "Đại học Văn hóa", "Đang học"],
  ],
};
