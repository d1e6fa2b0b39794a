import fc from "fast-check";
import {
  ageOn,
  compareDates,
  daysInMonth,
  excelSerialToDate,
  isDateNumberFormat,
  isLeapYear,
  isValidDate,
  parseDateCell,
  parseDateText,
  toIso,
  type DateParseResult,
  type PartialDate,
} from "../../../src/core/text/dates";
import { anyText } from "./arbitraries";

const day = (year: number, month: number, d: number): PartialDate => ({ year, month, day: d, precision: "day" });
const iso = (r: DateParseResult): string | undefined => (r.ok ? toIso(r.date) : undefined);
const opts = { referenceYear: 2025 };

describe("toIso", () => {
  it("follows the precision", () => {
    expect(toIso(day(1985, 8, 15))).toBe("1985-08-15");
    expect(toIso({ year: 1985, month: 8, precision: "month" })).toBe("1985-08");
    expect(toIso({ year: 1985, precision: "year" })).toBe("1985");
  });
});

describe("calendar helpers", () => {
  it("knows leap years and month lengths", () => {
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(1984)).toBe(true);
    expect(daysInMonth(1985, 2)).toBe(28);
    expect(daysInMonth(1984, 2)).toBe(29);
    expect(daysInMonth(1985, 4)).toBe(30);
    expect(daysInMonth(1985, 13)).toBe(0);
    expect(isValidDate(1985, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
  });
});

describe("excelSerialToDate", () => {
  it("converts known serials of the 1900 system", () => {
    expect(excelSerialToDate(1, false)).toEqual(day(1900, 1, 1));
    expect(excelSerialToDate(59, false)).toEqual(day(1900, 2, 28));
    expect(excelSerialToDate(61, false)).toEqual(day(1900, 3, 1));
    // 31273 is 14/08/1985; 15/08/1985 is 31274 (checked against 44927 = 2023-01-01).
    expect(excelSerialToDate(31273, false)).toEqual(day(1985, 8, 14));
    expect(excelSerialToDate(31274, false)).toEqual(day(1985, 8, 15));
    expect(excelSerialToDate(44927, false)).toEqual(day(2023, 1, 1));
    expect(excelSerialToDate(2958465, false)).toEqual(day(9999, 12, 31));
  });

  it("rejects serial 60 (29/02/1900, the Lotus leap-year bug), 0, negatives and overflow", () => {
    expect(excelSerialToDate(60, false)).toBeUndefined();
    expect(excelSerialToDate(60.5, false)).toBeUndefined();
    expect(excelSerialToDate(0, false)).toBeUndefined();
    expect(excelSerialToDate(-1, false)).toBeUndefined();
    expect(excelSerialToDate(2958466, false)).toBeUndefined();
    expect(excelSerialToDate(Number.NaN, false)).toBeUndefined();
    expect(excelSerialToDate(Infinity, false)).toBeUndefined();
  });

  it("converts the 1904 system", () => {
    expect(excelSerialToDate(0, true)).toEqual(day(1904, 1, 1));
    expect(excelSerialToDate(29812, true)).toEqual(day(1985, 8, 15));
    expect(excelSerialToDate(60, true)).toEqual(day(1904, 3, 1));
    expect(excelSerialToDate(-1, true)).toBeUndefined();
    expect(excelSerialToDate(2957003, true)).toEqual(day(9999, 12, 31));
  });

  it("ignores the time of day", () => {
    expect(excelSerialToDate(31274.999, false)).toEqual(day(1985, 8, 15));
  });

  it("gives consecutive days for consecutive serials (apart from the 60 gap)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), fc.boolean(), (n, is1904) => {
        const a = excelSerialToDate(n, is1904);
        const b = excelSerialToDate(n + 1, is1904);
        if (!a || !b) return;
        const ms = (d: PartialDate) => Date.UTC(d.year, (d.month as number) - 1, d.day);
        expect(ms(b) - ms(a)).toBe(86_400_000);
      }),
    );
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.double(), fc.boolean(), (n, b) => void excelSerialToDate(n, b)));
  });
});

describe("isDateNumberFormat", () => {
  it("recognizes date formats", () => {
    for (const f of ["m/d/yyyy", "dd/mm/yyyy", "[$-42A]dd/mm/yyyy", "mmm-yy", "d-mmm", "yyyy", "dd.mm.yyyy", "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "mm"]) {
      expect([f, isDateNumberFormat(f)]).toEqual([f, true]);
    }
    expect(isDateNumberFormat(14)).toBe(true);
  });

  it("rejects general, number, text and time formats", () => {
    for (const f of ["General", "general", "0.00", "0", "#,##0", "@", "h:mm", "[h]:mm:ss", "mm:ss", "h:mm AM/PM", '"ngày"', "0.00E+00", ""]) {
      expect([f, isDateNumberFormat(f)]).toEqual([f, false]);
    }
    expect(isDateNumberFormat(undefined)).toBe(false);
    expect(isDateNumberFormat(0)).toBe(false);
    expect(isDateNumberFormat(20)).toBe(false);
  });

  it("never throws", () => {
    fc.assert(fc.property(anyText, (f) => void isDateNumberFormat(f)));
  });
});

describe("parseDateText", () => {
  it.each([
    ["15/08/1985", "1985-08-15", "dmy"],
    ["15/8/1985", "1985-08-15", "dmy"],
    ["5/8/1985", "1985-08-05", "dmy"],
    ["15.08.1985", "1985-08-15", "dmy"],
    ["15-08-1985", "1985-08-15", "dmy"],
    [" 15 / 08 / 1985 ", "1985-08-15", "dmy"],
    ["15/08/1985 00:00:00", "1985-08-15", "dmy"],
    ["1985-08-15", "1985-08-15", "iso"],
    ["1985-08-15T00:00:00.000Z", "1985-08-15", "iso"],
    ["1985-08", "1985-08", "iso"],
    ["08/1985", "1985-08", "my"],
    ["8/1985", "1985-08", "my"],
    ["8.1985", "1985-08", "my"],
    ["1985", "1985", "y"],
    ["ngày 15 tháng 8 năm 1985", "1985-08-15", "words"],
    ["Ngày 15 tháng 08 năm 1985", "1985-08-15", "words"],
    ["NGÀY 15 THÁNG 8 NĂM 1985", "1985-08-15", "words"],
    ["ngày 15/8/1985", "1985-08-15", "words"],
    ["Sinh ngày 15/8/1985", "1985-08-15", "words"],
    ["tháng 8/1985", "1985-08", "words"],
    ["Tháng 8 năm 1985", "1985-08", "words"],
    ["T8/1985", "1985-08", "words"],
    ["năm 1985", "1985", "words"],
    ["Năm sinh: 1985", "1985", "words"],
  ])("reads %s as %s (%s)", (text, expected, form) => {
    const r = parseDateText(text, opts);
    expect(iso(r)).toBe(expected);
    expect(r.ok && r.form).toBe(form);
  });

  it("reads NFD input", () => {
    expect(iso(parseDateText("ngày 15 tháng 8 năm 1985".normalize("NFD")))).toBe("1985-08-15");
  });

  it("is never month-first", () => {
    expect(parseDateText("08/15/1985")).toEqual({ ok: false, reason: "impossible" });
    expect(iso(parseDateText("05/08/1985"))).toBe("1985-08-05");
  });

  it("validates the calendar", () => {
    expect(parseDateText("31/02/1985")).toEqual({ ok: false, reason: "impossible" });
    expect(parseDateText("29/02/1985")).toEqual({ ok: false, reason: "impossible" });
    expect(iso(parseDateText("29/02/1984"))).toBe("1984-02-29");
    expect(parseDateText("29/02/1900")).toEqual({ ok: false, reason: "impossible" });
    expect(iso(parseDateText("29/02/2000"))).toBe("2000-02-29");
    expect(parseDateText("31/04/1985")).toEqual({ ok: false, reason: "impossible" });
    expect(parseDateText("00/01/1985")).toEqual({ ok: false, reason: "impossible" });
    expect(parseDateText("13/1985")).toEqual({ ok: false, reason: "impossible" });
    expect(parseDateText("0000")).toEqual({ ok: false, reason: "impossible" });
  });

  it("expands two-digit years with the pivot and says so", () => {
    expect(parseDateText("15/8/85", opts)).toEqual({
      ok: true,
      date: day(1985, 8, 15),
      form: "dmy",
      twoDigitYear: true,
    });
    expect(iso(parseDateText("1/1/25", opts))).toBe("2025-01-01");
    expect(iso(parseDateText("1/1/26", opts))).toBe("1926-01-01");
    expect(iso(parseDateText("1/1/05", { twoDigitYearPivot: 0 }))).toBe("1905-01-01");
    expect(iso(parseDateText("1/1/05", { twoDigitYearPivot: 10 }))).toBe("2005-01-01");
  });

  it("refuses month/year with a two-digit year as ambiguous", () => {
    expect(parseDateText("8/85")).toEqual({ ok: false, reason: "notADate" });
  });

  it("reports empty and non-dates", () => {
    expect(parseDateText("")).toEqual({ ok: false, reason: "empty" });
    expect(parseDateText(" \u00A0 ")).toEqual({ ok: false, reason: "empty" });
    for (const t of ["abc", "Nguyễn Văn A", "12345", "ngày", "15/08/198", "x/y/z"]) {
      expect([t, parseDateText(t)]).toEqual([t, { ok: false, reason: "notADate" }]);
    }
  });

  it("never throws and only returns valid dates", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const r = parseDateText(t);
        if (r.ok) {
          const { year, month, day: d } = r.date;
          expect(year).toBeGreaterThanOrEqual(1000);
          if (d !== undefined) expect(isValidDate(year, month as number, d)).toBe(true);
        } else {
          expect(["empty", "notADate", "impossible"]).toContain(r.reason);
        }
      }),
    );
  });

  it("round-trips every valid day through dd/mm/yyyy", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        const text = `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
        expect(parseDateText(text)).toEqual({ ok: true, date: day(y, m, d), form: "dmy" });
      }),
    );
  });
});

describe("parseDateCell", () => {
  it("reads numbers with a date format as serials, in both systems", () => {
    expect(parseDateCell(31274, { numberFormat: "dd/mm/yyyy" })).toEqual({ ok: true, date: day(1985, 8, 15), form: "serial" });
    expect(parseDateCell(31274, { numberFormat: "m/d/yyyy" })).toEqual({ ok: true, date: day(1985, 8, 15), form: "serial" });
    expect(parseDateCell(31274, { numberFormat: 14 })).toEqual({ ok: true, date: day(1985, 8, 15), form: "serial" });
    expect(parseDateCell(29812, { numberFormat: "[$-42A]dd/mm/yyyy", date1904: true })).toEqual({
      ok: true,
      date: day(1985, 8, 15),
      form: "serial",
    });
    expect(iso(parseDateCell(31274, { numberFormat: "mmm-yy" }))).toBe("1985-08-15");
    // A date-formatted 1985 is a serial (07/06/1905), not a year.
    expect(iso(parseDateCell(1985, { numberFormat: "dd/mm/yyyy" }))).toBe("1905-06-07");
  });

  it("reports serial 60 and out-of-range serials with a date format as impossible", () => {
    expect(parseDateCell(60, { numberFormat: "dd/mm/yyyy" })).toEqual({ ok: false, reason: "impossible" });
    expect(parseDateCell(-5, { numberFormat: "dd/mm/yyyy" })).toEqual({ ok: false, reason: "impossible" });
  });

  it("reads a General-format 1900–2100 integer as a year", () => {
    expect(parseDateCell(1985)).toEqual({ ok: true, date: { year: 1985, precision: "year" }, form: "yearNumber" });
    expect(parseDateCell(1985, { numberFormat: "General" })).toEqual({
      ok: true,
      date: { year: 1985, precision: "year" },
      form: "yearNumber",
    });
  });

  it("guesses a serial for other plain numbers in the plausible range, and says so", () => {
    expect(parseDateCell(31274)).toEqual({ ok: true, date: day(1985, 8, 15), form: "serialGuess", guessed: true });
    expect(parseDateCell(31274, { numberFormat: "0" })).toMatchObject({ form: "serialGuess", guessed: true });
    expect(parseDateCell(12)).toEqual({ ok: false, reason: "notADate" });
    expect(parseDateCell(2958465)).toEqual({ ok: false, reason: "notADate" });
    expect(parseDateCell(12, { guessSerialYears: { min: 1900, max: 2100 } })).toMatchObject({ form: "serialGuess" });
  });

  it("takes the UTC calendar fields of JS Dates", () => {
    expect(parseDateCell(new Date(Date.UTC(1985, 7, 15)))).toEqual({ ok: true, date: day(1985, 8, 15), form: "jsDate" });
    expect(parseDateCell(new Date(Date.UTC(1985, 7, 15, 23, 59)))).toMatchObject({ date: day(1985, 8, 15) });
    expect(parseDateCell(new Date(Number.NaN))).toEqual({ ok: false, reason: "notADate" });
  });

  it("parses strings as text, day-first", () => {
    expect(parseDateCell("15/08/1985")).toEqual({ ok: true, date: day(1985, 8, 15), form: "dmy" });
    expect(parseDateCell("08/15/1985")).toEqual({ ok: false, reason: "impossible" });
  });

  it("unwraps formula results and rich text", () => {
    expect(iso(parseDateCell({ formula: "A1", result: new Date(Date.UTC(1985, 7, 15)) }))).toBe("1985-08-15");
    expect(iso(parseDateCell({ richText: [{ text: "15/08/" }, { text: "1985" }] }))).toBe("1985-08-15");
  });

  it("reports blanks as empty and other types as not a date", () => {
    expect(parseDateCell(null)).toEqual({ ok: false, reason: "empty" });
    expect(parseDateCell(undefined)).toEqual({ ok: false, reason: "empty" });
    expect(parseDateCell("")).toEqual({ ok: false, reason: "empty" });
    expect(parseDateCell(true)).toEqual({ ok: false, reason: "notADate" });
    expect(parseDateCell(Number.NaN)).toEqual({ ok: false, reason: "notADate" });
    expect(parseDateCell({ error: "#N/A" })).toEqual({ ok: false, reason: "notADate" });
  });

  it("never throws on any value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyText, fc.double(), fc.date()), fc.option(anyText), fc.boolean(), (v, f, b) => {
        const r = parseDateCell(v, { numberFormat: f ?? undefined, date1904: b });
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });
});

describe("ageOn", () => {
  const asOf = day(2025, 8, 15);
  it("counts completed years", () => {
    expect(ageOn(day(1985, 8, 15), asOf)).toBe(40);
    expect(ageOn(day(1985, 8, 16), asOf)).toBe(39);
    expect(ageOn(day(1985, 8, 15), day(2025, 8, 14))).toBe(39);
  });

  it("completes partial birth dates with day 01 and January (ND 135/2020)", () => {
    expect(ageOn({ year: 1985, precision: "year" }, day(2025, 1, 1))).toBe(40);
    expect(ageOn({ year: 1985, precision: "year" }, day(2024, 12, 31))).toBe(39);
    expect(ageOn({ year: 1985, month: 9, precision: "month" }, day(2025, 8, 31))).toBe(39);
    expect(ageOn({ year: 1985, month: 9, precision: "month" }, day(2025, 9, 1))).toBe(40);
  });

  it("lets someone born on 29 February age on 1 March in common years", () => {
    expect(ageOn(day(1984, 2, 29), day(2025, 2, 28))).toBe(40);
    expect(ageOn(day(1984, 2, 29), day(2025, 3, 1))).toBe(41);
  });

  it("returns undefined for invalid dates", () => {
    expect(ageOn(day(1985, 2, 30), asOf)).toBeUndefined();
    expect(ageOn(day(1985, 8, 15), { year: Number.NaN, precision: "year" })).toBeUndefined();
  });

  it("never throws", () => {
    const partial = fc.record({
      year: fc.integer({ min: -10, max: 10000 }),
      month: fc.option(fc.integer({ min: -1, max: 13 }), { nil: undefined }),
      day: fc.option(fc.integer({ min: -1, max: 32 }), { nil: undefined }),
      precision: fc.constantFrom("day" as const, "month" as const, "year" as const),
    });
    fc.assert(fc.property(partial, partial, (a, b) => void ageOn(a, b)));
  });
});

describe("compareDates", () => {
  it("orders by year, month, day with missing parts first", () => {
    expect(compareDates({ year: 1985, precision: "year" }, day(1985, 8, 15))).toBe(-1);
    expect(compareDates({ year: 1985, month: 8, precision: "month" }, day(1985, 8, 1))).toBe(-1);
    expect(compareDates(day(1985, 8, 15), day(1985, 8, 15))).toBe(0);
    expect(compareDates(day(1986, 1, 1), day(1985, 12, 31))).toBe(1);
  });
});
