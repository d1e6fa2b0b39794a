import { cbcc, check, districtList, findingsOf, quotaSheet, type PersonSpec } from "./fixtures";
import { flatFindings } from "../../support/grid";

/** The standard 17 posts (one Phó Chủ tịch UBND, row 11) plus extra deputies from row 23. */
function people(extraCommitteeDeputies: number, extraCouncilDeputies = 0): PersonSpec[] {
  return [...cbcc(17), ...Array.from({ length: extraCommitteeDeputies }, () => ({ post: "Phó Chủ tịch UBND" })), ...Array.from({ length: extraCouncilDeputies }, () => ({ post: "Phó Chủ tịch HĐND" }))];
}

function deputies(id: string, asOf: string, cls: string | undefined, extra: number, q: { viceChairs?: number } = {}) {
  const sheets = [districtList([{ label: "Xã Quảng Lợi", people: people(extra) }])];
  if (cls !== undefined || q.viceChairs !== undefined) sheets.push(quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls, ...q }]));
  return findingsOf(check(sheets, asOf, { ruleSetId: id }), "position.tooManyDeputies").map((f) => [f.severity, f.cell, f.relatedRows, f.message]);
}

describe("Phó Chủ tịch UBND against the cap for the class and the date", () => {
  it.each([
    // preset, date, class, deputies, severity or none
    ["nd92-2009", "2015-12-31", "II", 2, "warning"], // before ND 08/2016: unconfirmed
    ["nd92-2009", "2016-06-30", "II", 2, "error"], // ND 08/2016: class II has 1
    ["nd92-2009", "2016-06-30", "I", 2, undefined],
    ["nd92-2009", "2016-06-30", "I", 3, "error"],
    ["nd34-2019", "2021-05-22", "II", 2, "error"], // ND 08/2016 until the 2021–2026 term
    ["nd34-2019", "2021-05-23", "II", 2, undefined], // ND 69/2020: class II has 2
    ["nd34-2019", "2021-05-23", "III", 2, "error"],
    ["nd34-2019", "2022-06-30", "I", 3, "error"],
    ["nd33-2023", "2024-11-15", "I", 2, undefined],
    ["nd33-2023", "2024-11-15", "II", 2, undefined],
    ["nd33-2023", "2024-11-15", "II", 3, "error"],
    ["nd33-2023", "2024-11-15", "III", 2, "error"],
    ["law80-2025", "2025-11-16", "III", 2, "warning"], // ND 69/2020 caps, unconfirmed for merged communes
    ["law80-2025", "2025-11-17", "III", 2, undefined], // ND 300/2025: the province allocates
    ["law80-2025", "2026-03-31", "I", 4, undefined],
  ])("%s on %s, class %s, %i deputies → %s", (id, asOf, cls, n, severity) => {
    const found = deputies(id, asOf, cls, n - 1);
    expect(found.map((f) => f[0])).toEqual(severity ? [severity] : []);
  });

  it("sits on the first deputy beyond the cap, the others related, with the class in the message", () => {
    expect(deputies("nd33-2023", "2024-11-15", "III", 2)).toEqual([
      ["error", "D23", [11, 24], "xã Quảng Lợi có 3 Phó Chủ tịch UBND, vượt 2 so với tối đa 1 (xã loại III)"],
    ]);
  });

  it("uses the number the province allocated to the unit on the quota sheet (ND 300/2025)", () => {
    expect(deputies("law80-2025", "2026-03-31", "I", 1, { viceChairs: 1 })).toEqual([["error", "D23", [11], "xã Quảng Lợi có 2 Phó Chủ tịch UBND, vượt 1 so với tối đa 1 (số được phân bổ trên trang định biên)"]]);
    expect(deputies("law80-2025", "2026-03-31", "I", 1, { viceChairs: 2 })).toEqual([]);
  });

  it("compares with the highest cap when the class is unknown", () => {
    expect(deputies("nd33-2023", "2024-11-15", undefined, 1)).toEqual([]);
    expect(deputies("nd33-2023", "2024-11-15", undefined, 2).map((f) => f[3])).toEqual(["xã Quảng Lợi có 3 Phó Chủ tịch UBND, vượt 1 so với tối đa 2 (chưa rõ loại đơn vị, so với mức cao nhất)"]);
  });
});

describe("Phó Chủ tịch HĐND", () => {
  it.each([
    ["nd92-2009", "2015-06-30"],
    ["nd34-2019", "2021-12-31"],
    ["nd33-2023", "2024-11-15"],
    ["law80-2025", "2026-03-31"],
  ])("is one under %s", (id, asOf) => {
    const report = check([districtList([{ label: "Xã Quảng Lợi", people: people(0, 1) }]), quotaSheet([{ code: "06937", unit: "Quảng Lợi", cls: "I" }])], asOf, { ruleSetId: id });
    expect(flatFindings(findingsOf(report, "position.tooManyDeputies"), ["severity", "cell", "message"])).toEqual([["error", "D23", "xã Quảng Lợi có 2 Phó Chủ tịch HĐND, vượt 1 so với tối đa 1 (xã loại I)"]]);
  });
});

describe("the province-wide average of ND 300/2025", () => {
  const units = (extra: number[]) => districtList(extra.map((n, i) => ({ label: ["Xã Quảng Lợi", "Xã Quảng Lâm", "Xã Dực Yên"][i], people: people(n) })));

  it("warns once for the workbook when its units average more than 2.5", () => {
    const report = check([units([2, 2, 1])], "2026-03-31"); // 3 + 3 + 2 = 8 over 3 units
    expect(flatFindings(findingsOf(report, "position.deputiesAboveAverage"), ["severity", "sheet", "unit", "message"])).toEqual([
      ["warning", undefined, undefined, "Bình quân 2,67 Phó Chủ tịch UBND mỗi đơn vị (8 người, 3 đơn vị), cao hơn mức bình quân 2,5 của toàn tỉnh"],
    ]);
  });

  it("is quiet at or under the average, and before 17/11/2025", () => {
    expect(findingsOf(check([units([2, 1, 1])], "2026-03-31"), "position.deputiesAboveAverage")).toEqual([]);
    expect(findingsOf(check([units([2, 2, 1])], "2025-11-16"), "position.deputiesAboveAverage")).toEqual([]);
  });
});
