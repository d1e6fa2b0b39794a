/** The grid's style list: the readers of Excel's ranges and the live re-check intern styles the same way. */
import { styleInterner, type CellStyle } from "../../src/core/grid";

describe("styleInterner", () => {
  it("gives one id per number format and font, reuses the list's own entries, and treats General and no font as absent", () => {
    const styles: CellStyle[] = [{}, { numberFormat: "dd/mm/yyyy" }, { fontName: ".VnTime" }];
    const styleOf = styleInterner(styles);
    expect(styleOf(undefined, undefined)).toBe(0);
    expect(styleOf("General", "")).toBe(0);
    expect(styleOf("dd/mm/yyyy", undefined)).toBe(1);
    expect(styleOf(undefined, ".VnTime")).toBe(2);
    // New pairs are appended once.
    expect(styleOf("dd/mm/yyyy", ".VnTime")).toBe(3);
    expect(styleOf("dd/mm/yyyy", ".VnTime")).toBe(3);
    expect(styleOf("@", "VNI-Times")).toBe(4);
    expect(styles).toEqual([{}, { numberFormat: "dd/mm/yyyy" }, { fontName: ".VnTime" }, { numberFormat: "dd/mm/yyyy", fontName: ".VnTime" }, { numberFormat: "@", fontName: "VNI-Times" }]);
  });
});
