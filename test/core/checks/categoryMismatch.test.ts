import { check, districtList, findingsOf } from "./fixtures";
import { flatFindings, type SheetSpec } from "../../support/grid";

/** One commune's list in category sections, as many offices keep it. */
function sectioned(): SheetSpec {
  return {
    name: "Xã Quảng Lợi",
    rows: [
      ["UBND XÃ QUẢNG LỢI"],
      ["DANH SÁCH CÁN BỘ, CÔNG CHỨC, NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH NĂM 2024"],
      ["STT", "Họ và tên", "Ngày sinh", "Chức vụ, chức danh", "Ghi chú"],
      ["A", "CÁN BỘ CHUYÊN TRÁCH"],
      [1, "Nguyễn Văn Hùng", "12/05/1968", "Bí thư Đảng ủy"],
      [2, "Trần Thị Hường", "03/09/1982", "Chủ tịch HĐND"],
      [3, "Lê Đức Thủy", "21/11/1975", "Chủ tịch UBND"],
      ["B", "CÔNG CHỨC"],
      [1, "Phạm Văn Khoa", "15/08/1985", "Phó Chủ tịch UBND"],
      [2, "Hoàng Thị Lan", "30/01/1990", "Văn phòng - thống kê"],
      [3, "Vũ Minh Đức", "07/07/1988", "Trưởng Công an xã kiêm Phó Chủ tịch UBND"],
      ["C", "NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH"],
      [1, "Ngô Thị Mai", "19/04/1995", "Văn thư - lưu trữ"],
      [2, "Bùi Văn Nam", "05/01/1965", "Chủ tịch Hội Nông dân"],
      [3, "Đặng Thị Hòa", "11/02/1992", "Tài chính - kế toán"],
      [4, "Dương Văn Tuấn", "11/11/1979", "Cán bộ phụ trách công nghệ thông tin"],
    ],
  };
}

describe("a person listed under a category their title does not belong to", () => {
  const report = check([sectioned()], "2021-12-31");
  const found = findingsOf(report, "position.categoryMismatch");

  it("is a warning on the position cell, per section row", () => {
    expect(flatFindings(found, ["severity", "sheet", "cell", "person", "message"])).toEqual([
      ["warning", "Xã Quảng Lợi", "D9", "Phạm Văn Khoa", "\"Phó Chủ tịch UBND\" là chức danh cán bộ nhưng được xếp vào nhóm công chức"],
      ["warning", "Xã Quảng Lợi", "D15", "Đặng Thị Hòa", "\"Tài chính - kế toán\" là chức danh công chức nhưng được xếp vào nhóm người hoạt động không chuyên trách cấp xã"],
    ]);
  });

  it("accepts a person whose second post fits, a title the rule set allows elsewhere, and an unknown title", () => {
    const people = found.map((f) => f.person);
    expect(people).not.toContain("Vũ Minh Đức");
    expect(people).not.toContain("Bùi Văn Nam");
    expect(people).not.toContain("Dương Văn Tuấn");
  });

  it("reads the category column over the section", () => {
    const sheet = districtList(
      [{ label: "Xã Quảng Lợi", people: [{ post: "Chủ tịch UBND", category: "CB" }, { post: "Văn phòng - thống kê", category: "KCT" }, { post: "Văn thư - lưu trữ", category: "KCT" }] }],
      { categoryColumn: true },
    );
    expect(flatFindings(findingsOf(check([sheet], "2024-11-15"), "position.categoryMismatch"), ["cell", "message"])).toEqual([
      ["D7", "\"Văn phòng - thống kê\" là chức danh công chức nhưng được xếp vào nhóm người hoạt động không chuyên trách cấp xã"],
    ]);
  });

  it("trusts no list title that names several categories", () => {
    const sheet = districtList([{ label: "Xã Quảng Lợi", people: [{ post: "Chủ tịch UBND" }, { post: "Văn thư - lưu trữ" }] }]);
    expect(findingsOf(check([sheet], "2024-11-15"), "position.categoryMismatch")).toEqual([]);
  });

  it("trusts a list title that names one category", () => {
    const sheet = districtList([{ label: "Xã Quảng Lợi", people: [{ post: "Trưởng thôn", village: "Thôn 1" }, { post: "Văn thư - lưu trữ" }] }], { title: "DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN, TỔ DÂN PHỐ" });
    expect(flatFindings(findingsOf(check([sheet], "2024-11-15"), "position.categoryMismatch"), ["cell", "message"])).toEqual([
      ["D7", "\"Văn thư - lưu trữ\" là chức danh người hoạt động không chuyên trách cấp xã nhưng được xếp vào nhóm người hoạt động không chuyên trách ở thôn, tổ dân phố"],
    ]);
  });
});
