/**
 * Offline checks of manifest.xml (`office-addin-manifest validate` needs the internet):
 * element order, https URLs, the GUID, the requirement set, and that every file it names exists.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");

/** The top-level children of <OfficeApp>, in order (nested elements skipped). */
function topLevelElements(s: string): string[] {
  const body = s.slice(s.indexOf(">", s.indexOf("<OfficeApp")) + 1, s.lastIndexOf("</OfficeApp>"));
  const names: string[] = [];
  let depth = 0;
  const re = /<(\/?)([A-Za-z][\w:.]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    if (m[2] === undefined) continue;
    const closing = m[1] === "/";
    const selfClosing = m[4] === "/";
    if (closing) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!selfClosing) depth++;
    }
  }
  return names;
}

describe("manifest.xml", () => {
  it("is balanced XML with its elements in the order the schema requires", () => {
    const order = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const seen = topLevelElements(xml);
    const positions = seen.map((n) => order.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(seen).toEqual(expect.arrayContaining(["Id", "Version", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"]));
  });

  it("has a GUID id, the Workbook host, ReadWriteDocument and an ExcelApi requirement of 1.9 or lower", () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/i);
    expect(xml).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    const min = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"/.exec(xml);
    expect(min).not.toBeNull();
    expect(Number(min![1])).toBeLessThanOrEqual(9);
  });

  it("names itself in Vietnamese (vi-VN) and English", () => {
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="vi-VN" Value="Kiểm tra hồ sơ cán bộ"/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="vi-VN"/);
  });

  it("uses only https URLs, and every file it points to exists in the build inputs", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(u).toMatch(/^https:\/\//);
      const path = new URL(u).pathname.replace(/^\//, "");
      const source = path.startsWith("assets/") ? join(root, path) : join(root, "src", path.replace(/\.html$/, ""), path);
      expect({ url: u, exists: existsSync(source) }).toEqual({ url: u, exists: true });
    }
  });

  it("gives every resid it uses a resource", () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect({ id, defined: defined.has(id) }).toEqual({ id, defined: true });
  });
});
