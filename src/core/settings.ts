/**
 * What the add-in keeps inside the workbook (the column mapping the user corrected, and later
 * the record of our highlights): one custom XML part in our namespace, which persists with the
 * file and is independent of the add-in (Office.js `workbook.customXmlParts`, ExcelApi 1.5;
 * in the package: customXml/itemN.xml). Both adapters read and write it through these functions.
 */

/** The namespace of our custom XML part. */
export const SETTINGS_NAMESPACE = "urn:hoso-cbcc:settings:1";

/** Keys in use ("hoso.ruleSet": a preset rule-set id the user chose for this workbook; the record of changes is core/changes.ts CHANGES_KEY). */
export const SETTING_KEYS = { mapping: "hoso.mapping", ruleSet: "hoso.ruleSet" } as const;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    if (k === "amp") return "&";
    const code = k[1] === "x" ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * The XML of the settings part.
 * @example settingsXml({ "hoso.mapping": "{}" })
 */
export function settingsXml(settings: Record<string, string>): string {
  const entries = Object.keys(settings)
    .sort()
    .map((k) => `<entry key="${escapeXml(k)}">${escapeXml(settings[k])}</entry>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><settings xmlns="${SETTINGS_NAMESPACE}">${entries}</settings>`;
}

/** True when a custom XML part is ours. */
export function isSettingsXml(xml: string): boolean {
  return xml.includes(SETTINGS_NAMESPACE) && /<(?:\w+:)?settings\b/.test(xml);
}

/**
 * The settings in a part written by {@link settingsXml}; {} for anything else.
 * @example parseSettingsXml(settingsXml({ a: "1" })) // { a: "1" }
 */
export function parseSettingsXml(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isSettingsXml(xml)) return out;
  const re = /<(?:\w+:)?entry\s+key="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/(?:\w+:)?entry>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out[unescapeXml(m[1])] = unescapeXml(m[2] ?? "");
  return out;
}
