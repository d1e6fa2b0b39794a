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

  it("puts three buttons in the Home tab group: Kiểm tra hồ sơ and Xóa đánh dấu (ExecuteFunction), Mở bảng điều khiển (ShowTaskpane)", () => {
    const group = /<OfficeTab id="TabHome">\s*<Group id="HosoCbcc.Group">([\s\S]*?)<\/Group>/.exec(xml);
    expect(group).not.toBeNull();
    const controls = [...group![1].matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)].map((m) => {
      const label = /<Label resid="([^"]+)"/.exec(m[2])![1];
      const action = /<Action xsi:type="(\w+)">/.exec(m[2])![1];
      const fn = /<FunctionName>([^<]+)<\/FunctionName>/.exec(m[2])?.[1];
      const vi = new RegExp(`<bt:String id="${label.replace(".", "\\.")}"[^>]*>\\s*<bt:Override Locale="vi-VN" Value="([^"]+)"`).exec(xml)?.[1];
      return { id: m[1], action, fn, vi };
    });
    expect(controls).toEqual([
      { id: "HosoCbcc.ValidateNow", action: "ExecuteFunction", fn: "validateNow", vi: "Kiểm tra hồ sơ" },
      { id: "HosoCbcc.ClearHighlights", action: "ExecuteFunction", fn: "clearHighlights", vi: "Xóa đánh dấu" },
      { id: "HosoCbcc.ShowTaskpane", action: "ShowTaskpane", fn: undefined, vi: "Mở bảng điều khiển" },
    ]);
  });

  it("gives every label and tooltip a vi-VN override", () => {
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const [, id, body] of strings) expect({ id, vi: /<bt:Override Locale="vi-VN" Value="[^"]+"/.test(body) }).toEqual({ id, vi: true });
  });

  it("registers every ExecuteFunction name in the command file", () => {
    const names = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    const source = readFileSync(join(root, "src", "commands", "commands.ts"), "utf8");
    expect(names).toEqual(["validateNow", "clearHighlights"]);
    for (const n of names) expect({ n, associated: new RegExp(`Office\\.actions\\.associate\\("${n}",`).test(source) }).toEqual({ n, associated: true });
  });

  it("runs the commands and the pane in one shared runtime, declared in the base requirements", () => {
    const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)![1];
    expect(requirements).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    // <Runtimes> is the first child of the VersionOverrides host, and everything points at the pane's page.
    expect(xml).toMatch(/<Host xsi:type="Workbook">\s*(?:<!--[\s\S]*?-->\s*)?<Runtimes>\s*<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>\s*<\/Runtimes>\s*<DesktopFormFactor>/);
    expect(xml).toMatch(/<FunctionFile resid="Taskpane.Url"\s*\/>/);
    expect(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(xml)![1]).toBe("Taskpane.Url");
    // So the pane's page must carry the command code too.
    const webpack = readFileSync(join(root, "webpack.config.js"), "utf8");
    expect(webpack).toMatch(/filename: "taskpane.html"[^\n]*chunks: \[[^\]]*"commands"/);
  });
});
