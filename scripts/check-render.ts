/**
 * `npm run check:render`: converts the demo's outputs to PDF with LibreOffice (`soffice
 * --headless`) and, when pdftoppm is there, the first pages to PNG, to look at the printed
 * layout (A4 landscape, fit to width, repeated headers, signature block). Not part of CI:
 * it says so and exits 0 where LibreOffice is not installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
const outDir = join(root, "out");
const renderDir = join(outDir, "render");
const soffice = ["soffice", "libreoffice"].find((c) => spawnSync("which", [c]).status === 0);
if (!soffice) {
  process.stdout.write("LibreOffice (soffice) chưa cài: bỏ qua. / LibreOffice is not installed: skipped.\n");
  process.exit(0);
}
const files = ["dam-ha-2017-tong-hop.xlsx", "dam-ha-2017-danh-dau.xlsx"].map((f) => join(outDir, f));
if (!files.every(existsSync)) {
  const demo = spawnSync("npm", ["run", "-s", "demo"], { cwd: root, stdio: "inherit" });
  if (demo.status !== 0) process.exit(demo.status ?? 1);
}
mkdirSync(renderDir, { recursive: true });
for (const f of files) {
  const r = spawnSync(soffice, ["--headless", "--convert-to", "pdf", "--outdir", renderDir, f], { encoding: "utf8", timeout: 180000 });
  if (r.status !== 0) {
    process.stderr.write(`Không chuyển được ${f} sang PDF — cannot convert to PDF: ${r.stderr}\n`);
    process.exit(1);
  }
}
if (spawnSync("which", ["pdftoppm"]).status === 0) {
  for (const pdf of readdirSync(renderDir).filter((f) => f.endsWith(".pdf"))) {
    spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "6", join(renderDir, pdf), join(renderDir, pdf.replace(/\.pdf$/, ""))]);
  }
}
process.stdout.write(`PDF và ảnh trang / PDFs and page images: ${renderDir}\n${readdirSync(renderDir).join("\n")}\n`);
