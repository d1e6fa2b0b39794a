/**
 * The reader's fast paths (issue 10) against the plain definitions they replace: cell text
 * spacing without a regular expression, Excel serials without a `Date`, keys of ASCII text
 * without the cache, and a second reading of the same grid giving the same result (the caches).
 */
import { SheetCells } from "../../../src/core/reader/cells";
import { readWorkbook } from "../../../src/core/reader";
import { dayFromEpochDays, excelSerialToDate } from "../../../src/core/text/dates";
import fc from "fast-check";
import { comparisonKey, comparisonKeyWith, normalizeSpaces } from "../../../src/core/text/keys";
import { workbookGrid, serial } from "../../support/grid";

/** The definition the reader kept before: text that needs no space clean-up. */
const SIMPLE_SPACING = /^(?:[^\s\u00a0]+(?: [^\s\u00a0]+)*)?$/;
const expected = (s: string): string => (SIMPLE_SPACING.test(s) ? s : normalizeSpaces(s));

describe("cell text spacing", () => {
  // Every code unit that is white space for a regular expression, and neighbours that are not
  // (zero-width characters are kept by this path, as before). Vietnamese without Latin-1 letters,
  // which needs no encoding analysis ("Hà" would be analyzed, and cleaned, in any case).
  const spaces: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (/\s/.test(String.fromCharCode(c))) spaces.push(c);
  const others = [0x180e, 0x200b, 0x200c, 0x2060, 0x1fff, 0x2030, 0x3001, 0x1ec5];
  const shapes = (ch: string): string[] => [`a${ch}b`, `${ch}a`, `a${ch}`, `Nguyễn${ch}Hữu`, `${ch}Hữu`, `Hữu${ch}`, `Nguyễn${ch}${ch}Văn`, `ab ${ch}cd`, ch];

  it.each([...spaces, ...others].map((c) => [c.toString(16)]))("U+%s in ASCII and Vietnamese text", (hex) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    const texts = shapes(ch);
    const grid = workbookGrid([{ name: "S", rows: texts.map((t) => [t]) }]);
    const cells = new SheetCells(grid, grid.sheets[0]);
    texts.forEach((t, i) => expect(cells.text(i + 1, 1, false)).toBe(expected(t)));
  });

  it("keeps simple text as it is and cleans the rest, in a column trusted to be Unicode", () => {
    // Sixty distinct Unicode names make the column trusted; then texts with NBSP, doubled spaces,
    // tabs and trailing spaces must still be cleaned as before.
    const names = Array.from({ length: 60 }, (_, i) => `Nguyễn Thị Hà ${i}`);
    const tail = ["Hà\u00a0Nội", "Hà  Nội", "Hà\tNội", "Hà Nội ", " Hà Nội", "Hà Nội", "Hà\u3000Nội", "Hà\u2028Nội", "Hà\u0085Nội", "Hà Nội\ufeff"];
    const texts = [...names, ...tail];
    const grid = workbookGrid([{ name: "S", rows: texts.map((t) => [t]) }]);
    const cells = new SheetCells(grid, grid.sheets[0]);
    texts.forEach((t, i) => expect(cells.text(i + 1, 1, false)).toBe(expected(t)));
  });
});

describe("Excel serials by arithmetic", () => {
  const viaDate = (days: number) => {
    const d = new Date(days * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision: "day" };
  };

  it("gives the day a Date gives, across and beyond Excel's range", () => {
    // Every day from 1600 to 2400 (leap centuries 1600, 2000 and 2400; 1700, 1800, 1900, 2100 not).
    const from = Date.UTC(1600, 0, 1) / 86_400_000;
    const to = Date.UTC(2400, 11, 31) / 86_400_000;
    for (let days = from; days <= to; days++) {
      const got = dayFromEpochDays(days);
      const want = viaDate(days);
      if (got.year !== want.year || got.month !== want.month || got.day !== want.day) expect(got).toEqual(want);
    }
    for (const days of [-719468, -719469, -1_000_000, 0, -1, 2_932_896]) expect(dayFromEpochDays(days)).toEqual(viaDate(days));
  });

  it("reads serials of both date systems as before", () => {
    expect(excelSerialToDate(serial(1975, 9, 14))).toEqual({ year: 1975, month: 9, day: 14, precision: "day" });
    expect(excelSerialToDate(1)).toEqual({ year: 1900, month: 1, day: 1, precision: "day" });
    expect(excelSerialToDate(59)).toEqual({ year: 1900, month: 2, day: 28, precision: "day" });
    expect(excelSerialToDate(60)).toBeUndefined();
    expect(excelSerialToDate(61)).toEqual({ year: 1900, month: 3, day: 1, precision: "day" });
    expect(excelSerialToDate(2_958_465)).toEqual({ year: 9999, month: 12, day: 31, precision: "day" });
    expect(excelSerialToDate(0, true)).toEqual({ year: 1904, month: 1, day: 1, precision: "day" });
    expect(excelSerialToDate(1462.75, true)).toEqual({ year: 1908, month: 1, day: 2, precision: "day" });
  });
});

describe("comparison keys of ASCII text", () => {
  it("are the keys the full procedure gives", () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 30 });
    fc.assert(fc.property(ascii, (s) => comparisonKey(s) === comparisonKeyWith(s)), { numRuns: 3000 });
    for (const s of ["15/08/1985", "  CV  ", "KCT\tthon", "A\u000bB", "", " ", "Nguyen Van  An", "qui", "LY"]) expect(comparisonKey(s)).toBe(comparisonKeyWith(s));
  });
});

describe("comparison keys of Latin text", () => {
  // Text of the ranges the one-pass key handles, and the same text followed by a symbol outside
  // them ("€"), which takes the regular expressions: both ways must agree.
  const alphabet = Array.from("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯQàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠÝỲỸĐðÐİıßøæ0123456789.,;:()/-'\" \t\n\u00a0\u0085\u0300\u0301\u0303\u0309\u0323\u00aa\u00b5\u00d7\u00f7\u0180\u01c3\u024f");
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join(""));

  it("are the keys the regular expressions give", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, unifyIY) => {
        const k = comparisonKeyWith(s, { unifyIY });
        const viaRegExps = comparisonKeyWith(`${s} \u20ac`, { unifyIY });
        return viaRegExps === (k === "" ? "\u20ac" : `${k} \u20ac`);
      }),
      { numRuns: 5000 },
    );
    expect(comparisonKey("  Thuỷ\u00a0 sản\n")).toBe("thủy sản");
    expect(comparisonKey("Ðặng Văn Qúy")).toBe("đặng văn quý");
    expect(comparisonKeyWith("Kỹ sư", { unifyIY: true })).toBe("kĩ sư");
  });
});

describe("a second reading", () => {
  it("gives the same reading as the first (caches are per reading or keyed by content)", () => {
    const rows: (string | number | undefined)[][] = [
      ["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"],
      ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Ghi chú"],
      ["I", "Xã Quảng Lợi"],
    ];
    for (let i = 1; i <= 120; i++) rows.push([i, `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${i}`, serial(1960 + (i % 40), 1 + (i % 12), 1 + (i % 28)), i % 3 === 0 ? "Chủ tịch UBND" : "Văn phòng - thống kê", i % 10 === 0 ? "Đã nghỉ việc" : undefined]);
    rows.push(["II", "Thị trấn Đầm Hà"], [1, "Nguyễn Văn B1", serial(1961, 2, 2), "Chủ tịch UBND", undefined]);
    const grid = workbookGrid([{ name: "DS", rows, styles: { C4: { numberFormat: "dd/mm/yyyy" } } }]);
    const asOf = { year: 2024, month: 12, day: 31, precision: "day" as const };
    const first = readWorkbook(grid, { asOf });
    const second = readWorkbook(grid, { asOf });
    expect(first.records).toHaveLength(121);
    expect(first.records.filter((r) => r.left)).toHaveLength(12);
    expect(first.units.map((u) => [u.id, u.staff.cadre + u.staff.civilServant + u.staff.nonSpecializedCommune + u.staff.nonSpecializedVillage])).toEqual([
      ["xã Quảng Lợi", 108],
      ["thị trấn Đầm Hà", 1],
    ]);
    expect(JSON.stringify({ ...second, stage: undefined })).toBe(JSON.stringify({ ...first, stage: undefined }));
  });
});
