import fc from "fast-check";
import {
  asciiKey,
  comparisonKey,
  comparisonKeyWith,
  foldAscii,
  headerKey,
  normalizeSpaces,
} from "../../../src/core/text/keys";
import { anyText, vietnameseish } from "./arbitraries";

describe("comparisonKey", () => {
  it("matches tone placement variants hoà/hòa, thuỷ/thủy, khoá/khóa", () => {
    expect(comparisonKey("Hoà")).toBe(comparisonKey("Hòa"));
    expect(comparisonKey("Thanh Hoá")).toBe("thanh hóa");
    expect(comparisonKey("thuỷ")).toBe(comparisonKey("thủy"));
    expect(comparisonKey("khoá")).toBe(comparisonKey("khóa"));
    expect(comparisonKey("UỶ BAN")).toBe("ủy ban");
    expect(comparisonKey("hoè")).toBe(comparisonKey("hòe"));
  });

  it("puts the tone on the vowel after qu and gi (typo Qúy → quý, gìa → già)", () => {
    expect(comparisonKey("Bùi Duy Qúy")).toBe("bùi duy quý");
    expect(comparisonKey("gìa")).toBe("già");
    expect(comparisonKey("Quốc")).toBe("quốc");
  });

  it("leaves correctly placed tones alone", () => {
    for (const word of ["người", "nguyễn", "khuỷu", "ngoài", "giữa", "hoàng", "thuyết", "tuổi", "chịu", "mùa", "hiểu", "thuở"]) {
      expect(comparisonKey(word)).toBe(word);
    }
  });

  it("treats Ð (U+00D0) and ð (U+00F0) as Đ/đ", () => {
    expect(comparisonKey("\u00D0ặng")).toBe(comparisonKey("Đặng"));
    expect(comparisonKey("\u00F0ình")).toBe("đình");
  });

  it("collapses NBSP, tabs and line breaks and trims", () => {
    expect(comparisonKey("  Nguyễn\u00A0\u00A0Văn\nAn\t")).toBe("nguyễn văn an");
    expect(comparisonKey("Trình độ\r\nchuyên môn")).toBe("trình độ chuyên môn");
  });

  it("matches NFD (Unicode tổ hợp) input", () => {
    const nfd = "Nguyễn Thị Hường".normalize("NFD");
    expect(nfd).not.toBe("Nguyễn Thị Hường");
    expect(comparisonKey(nfd)).toBe(comparisonKey("NGUYỄN THỊ HƯỜNG"));
  });

  it("strips zero-width characters", () => {
    expect(comparisonKey("Ng\u200Buyễn\uFEFF")).toBe("nguyễn");
  });

  it("keeps the soft hyphen, which is the TCVN3 letter ư before decoding", () => {
    expect(comparisonKey("Tr\u00ADêng")).toContain("\u00AD");
  });

  it("keeps the i/y spelling by default and folds it on request (sĩ/sỹ, lí/lý, qui/quy)", () => {
    expect(comparisonKey("Ký, ghi rõ họ tên")).toBe("ký, ghi rõ họ tên");
    expect(comparisonKey("Thạc sỹ")).not.toBe(comparisonKey("Thạc sĩ"));
    const iy = (s: string) => comparisonKeyWith(s, { unifyIY: true });
    expect(iy("Thạc sỹ")).toBe(iy("Thạc sĩ"));
    expect(iy("Lý")).toBe(iy("Lí"));
    expect(iy("Kỹ sư")).toBe("kĩ sư");
    expect(iy("qui định")).toBe(iy("quy định"));
    expect(iy("Vy")).not.toBe(iy("Vi"));
    expect(iy("Thy")).not.toBe(iy("Thi"));
  });

  it("leaves non-Vietnamese words unchanged apart from case", () => {
    expect(comparisonKey("Café")).toBe("café");
    expect(comparisonKey("Khmer")).toBe("khmer");
  });

  it("returns an empty key for blank and non-string input", () => {
    expect(comparisonKey("")).toBe("");
    expect(comparisonKey(" \u00A0\n")).toBe("");
    expect(comparisonKey(undefined as unknown as string)).toBe("");
    expect(comparisonKey(12 as unknown as string)).toBe("12");
  });

  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const k = comparisonKey(s);
        expect(typeof k).toBe("string");
        expect(comparisonKey(k)).toBe(k);
      }),
    );
  });

  it("ignores case, NFC/NFD and tone placement (property)", () => {
    fc.assert(
      fc.property(vietnameseish, (s) => {
        expect(comparisonKey(s.normalize("NFD"))).toBe(comparisonKey(s.normalize("NFC")));
        expect(comparisonKey(s.toUpperCase())).toBe(comparisonKey(s));
      }),
    );
  });
});

describe("foldAscii and asciiKey", () => {
  it("strips diacritics and maps đ to d, keeping case", () => {
    expect(foldAscii("Xã Quảng Lâm")).toBe("Xa Quang Lam");
    expect(foldAscii("Đặng Thị Hường")).toBe("Dang Thi Huong");
    expect(foldAscii("\u00D0\u00F0")).toBe("Dd");
  });

  it("matches ASCII sheet names through asciiKey", () => {
    expect(asciiKey("Xã  Quảng\u00A0Lâm")).toBe(asciiKey("XA QUANG LAM"));
  });

  it("never throws", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(typeof foldAscii(s)).toBe("string");
        expect(typeof asciiKey(s)).toBe("string");
      }),
    );
  });
});

describe("headerKey", () => {
  it("removes dots and punctuation noise", () => {
    expect(headerKey("Tr.độ\nchuyên môn")).toBe("tr độ chuyên môn");
    expect(headerKey("Ngày, tháng, năm sinh")).toBe("ngày tháng năm sinh");
    expect(headerKey("Chức vụ (chức danh) hiện tại")).toBe("chức vụ chức danh hiện tại");
    expect(headerKey("HỌ VÀ TÊN")).toBe(headerKey("Họ và tên"));
    expect(headerKey("Trình độ văn hoá")).toBe(headerKey("TRÌNH ĐỘ VĂN HÓA"));
  });

  it("never throws", () => {
    fc.assert(fc.property(anyText, (s) => expect(typeof headerKey(s)).toBe("string")));
  });
});

describe("normalizeSpaces", () => {
  it("collapses spaces but keeps case and tone placement", () => {
    expect(normalizeSpaces("  Nguyễn\u00A0Văn\nAn ")).toBe("Nguyễn Văn An");
    expect(normalizeSpaces("Hoà")).toBe("Hoà");
    expect(normalizeSpaces("Hoà".normalize("NFD"))).toBe("Hoà");
    expect(normalizeSpaces("a\u200Bb")).toBe("ab");
  });

  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = normalizeSpaces(s);
        expect(normalizeSpaces(n)).toBe(n);
      }),
    );
  });
});
