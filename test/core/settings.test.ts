import { parseSettingsXml, settingsXml, isSettingsXml, SETTINGS_NAMESPACE } from "../../src/core/settings";

describe("the settings part", () => {
  it("round-trips keys and values, including XML-special characters and Vietnamese", () => {
    const s = { "hoso.mapping": JSON.stringify({ "DS CBCC": { columns: { unit: "D" } } }), note: 'a < b & "c" > d — Quảng Lợi' };
    expect(parseSettingsXml(settingsXml(s))).toEqual(s);
  });

  it("ignores custom XML parts of other add-ins", () => {
    const other = `<?xml version="1.0"?><settings xmlns="urn:someone-else"><entry key="x">1</entry></settings>`;
    expect(isSettingsXml(other)).toBe(false);
    expect(parseSettingsXml(other)).toEqual({});
    expect(isSettingsXml(settingsXml({}))).toBe(true);
    expect(settingsXml({})).toContain(SETTINGS_NAMESPACE);
  });
});
