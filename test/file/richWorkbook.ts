/**
 * A roster workbook holding the parts that object-model libraries drop, for the annotated-copy
 * tests: a picture, a legacy note, data validation, conditional formatting, defined names,
 * hidden sheets, columns and rows, merges, formulas and a styled row (ExcelJS writes these), and,
 * added by hand as Excel writes them, a chart, a pivot cache with its records and a pivot table,
 * a threaded comment (with its legacy placeholder note, person list and VML shape) and, for
 * .xlsm, a VBA project.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { compoundFile, districtListFixture, type Fixture } from "../support/workbooks";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MTIME = new Date(Date.UTC(2024, 10, 15, 8, 0, 0));
/** A 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

export interface RichWorkbook {
  bytes: Uint8Array;
  fixture: Fixture;
  /** The cell with the user's legacy note (row, column) and its text. */
  userNote: { row: number; col: number; text: string };
  /** The cell with a threaded comment. */
  threaded: { row: number; col: number };
  /** A row whose style applies to its empty cells (customFormat). */
  styledRow: number;
  /** Parts added by hand (not by ExcelJS). */
  handParts: string[];
}

function insertBefore(xml: string, marker: string, text: string): string {
  const i = xml.lastIndexOf(marker);
  if (i < 0) throw new Error(`no ${marker}`);
  return xml.slice(0, i) + text + xml.slice(i);
}

/** The rich workbook; `xlsm` adds a VBA project and makes it macro-enabled. */
export async function richWorkbook(o: { xlsm?: boolean } = {}): Promise<RichWorkbook> {
  const fixture = await districtListFixture({ count: 12, withQuota: true, hiddenSheets: true, seed: 7 });
  const ds = fixture.sheets[0];
  const first = ds.personRows[0].row;
  const userNote = { row: first, col: 2, text: "Đã đối chiếu với hồ sơ gốc" };
  const threaded = { row: ds.personRows[1].row, col: 6 };
  const last = Math.max(...ds.footerRows, ...ds.personRows.map((p) => p.row));
  const styledRow = last + 2;

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(fixture.bytes) as unknown as ArrayBuffer);
  wb.created = wb.modified = MTIME;
  const ws = wb.getWorksheet("DS CBCC")!;
  ws.getCell(userNote.row, userNote.col).note = userNote.text;
  (ws as unknown as { dataValidations: { add(ref: string, v: unknown): void } }).dataValidations.add(`E${first}:E${last}`, { type: "list", allowBlank: true, formulae: ["DM!$A$2:$A$8"] });
  ws.addConditionalFormatting({ ref: `K${first}:K${last}`, rules: [{ type: "expression", priority: 1, formulae: [`LEN(K${first})<>12`], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFFF00" } } } }] });
  wb.definedNames.add(`'DS CBCC'!$B$${first}:$B$${last}`, "DanhSach");
  ws.getColumn(11).hidden = true;
  ws.getCell(styledRow + 1, 1).value = "Hàng ẩn";
  ws.getRow(styledRow + 1).hidden = true;
  ws.getRow(styledRow).font = { bold: true, name: "Times New Roman" };
  ws.getCell(styledRow, 1).value = "Hàng có định dạng";
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, { tl: { col: 13, row: 1 }, ext: { width: 80, height: 40 } });
  const files = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const text = (p: string) => strFromU8(files[p]);
  const put = (p: string, s: string) => (files[p] = strToU8(s));
  const handParts: string[] = [];
  const add = (p: string, s: string | Uint8Array) => {
    files[p] = typeof s === "string" ? strToU8(s) : new Uint8Array(s);
    handParts.push(p);
  };
  const ct = (part: string, type: string) => put("[Content_Types].xml", insertBefore(text("[Content_Types].xml"), "</Types>", `<Override PartName="/${part}" ContentType="${type}"/>`));

  // A chart on "Định biên" (sheet2), as Excel writes it: drawing + chart part.
  const quotaRows = fixture.sheets[1].personRows.map((p) => p.row);
  const qFirst = Math.min(...quotaRows);
  const qLast = Math.max(...quotaRows);
  add(
    "xl/charts/chart1.xml",
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Biên chế tỉnh giao</c:v></c:tx><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>'Định biên'!$C$${qFirst}:$C$${qLast}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Định biên'!$F$${qFirst}:$F$${qLast}</c:f></c:numRef></c:val></c:ser><c:gapWidth val="219"/><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  add(
    "xl/drawings/drawing2.xml",
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${qLast + 2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${qLast + 18}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  add("xl/drawings/_rels/drawing2.xml.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  add("xl/worksheets/_rels/sheet2.xml.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`);
  put("xl/worksheets/sheet2.xml", insertBefore(text("xl/worksheets/sheet2.xml"), "</worksheet>", '<drawing r:id="rId1"/>'));
  ct("xl/drawings/drawing2.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  ct("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");

  // A pivot cache over the roster, its records, and a pivot table on the hidden "DM" sheet (sheet3).
  add(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="Phòng Nội vụ" refreshedDate="45611.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="E${first}:F${first + 1}" sheet="DS CBCC"/></cacheSource><cacheFields count="2"><cacheField name="Dân tộc" numFmtId="0"><sharedItems count="1"><s v="Kinh"/></sharedItems></cacheField><cacheField name="Chức vụ" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  add("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`);
  add("xl/pivotCache/pivotCacheRecords1.xml", `${HEAD}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="2"><r><x v="0"/><s v="Chủ tịch UBND"/></r><r><x v="0"/><s v="Phó Chủ tịch UBND"/></r></pivotCacheRecords>`);
  add(
    "xl/pivotTables/pivotTable1.xml",
    `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="H1:H3" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="2"><item x="0"/><item t="default"/></items></pivotField><pivotField showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="2"><i><x/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
  );
  add("xl/pivotTables/_rels/pivotTable1.xml.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`);
  add("xl/worksheets/_rels/sheet3.xml.rels", `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`);
  put("xl/_rels/workbook.xml.rels", insertBefore(text("xl/_rels/workbook.xml.rels"), "</Relationships>", `<Relationship Id="rId90" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>`));
  put("xl/workbook.xml", insertBefore(text("xl/workbook.xml"), "</workbook>", '<pivotCaches><pivotCache cacheId="7" r:id="rId90"/></pivotCaches>'));
  ct("xl/pivotCache/pivotCacheDefinition1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml");
  ct("xl/pivotCache/pivotCacheRecords1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml");
  ct("xl/pivotTables/pivotTable1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml");

  // A threaded comment on DS CBCC (sheet1): the thread, the person list, and the legacy placeholder note + VML shape.
  const ref = `F${threaded.row}`;
  const person = "{5B8C1F7A-0C2D-4E3B-9A41-7F2E6D8C9B10}";
  const thread = "{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}";
  add(
    "xl/threadedComments/threadedComment1.xml",
    `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="${ref}" dT="2024-11-15T08:00:00.00" personId="${person}" id="${thread}"><text>Chức danh này đã đổi theo Nghị định 33?</text></threadedComment></ThreadedComments>`,
  );
  add("xl/persons/person.xml", `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Trưởng phòng Nội vụ" id="${person}" userId="truongphong@example.vn" providerId="None"/></personList>`);
  put("xl/_rels/workbook.xml.rels", insertBefore(text("xl/_rels/workbook.xml.rels"), "</Relationships>", '<Relationship Id="rId91" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>'));
  put("xl/worksheets/_rels/sheet1.xml.rels", insertBefore(text("xl/worksheets/_rels/sheet1.xml.rels"), "</Relationships>", '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>'));
  ct("xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml");
  ct("xl/persons/person.xml", "application/vnd.ms-excel.person+xml");
  let comments = text("xl/comments1.xml");
  comments = insertBefore(comments, "</authors>", `<author>tc=${thread}</author>`);
  comments = insertBefore(
    comments,
    "</commentList>",
    `<comment ref="${ref}" authorId="1" shapeId="0"><text><t xml:space="preserve">[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Chức danh này đã đổi theo Nghị định 33?</t></text></comment>`,
  );
  put("xl/comments1.xml", comments);
  put(
    "xl/drawings/vmlDrawing1.vml",
    insertBefore(
      text("xl/drawings/vmlDrawing1.vml"),
      "</xml>",
      `<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:40pt;width:108pt;height:59.25pt;z-index:2;visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>6, 15, ${threaded.row - 2}, 10, 8, 15, ${threaded.row + 2}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${threaded.row - 1}</x:Row><x:Column>${threaded.col - 1}</x:Column></x:ClientData></v:shape>`,
    ),
  );

  if (o.xlsm) {
    add("xl/vbaProject.bin", compoundFile([{ name: "VBA", type: "storage" }, { name: "PROJECT" }, { name: "PROJECTwm" }]));
    put("xl/_rels/workbook.xml.rels", insertBefore(text("xl/_rels/workbook.xml.rels"), "</Relationships>", '<Relationship Id="rId92" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'));
    let types = text("[Content_Types].xml").replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    types = types.replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ');
    put("[Content_Types].xml", types);
    put("xl/workbook.xml", text("xl/workbook.xml").replace("<workbookPr ", '<workbookPr codeName="ThisWorkbook" '));
  }
  const zipped: Record<string, [Uint8Array, { level: 6 }]> = {};
  for (const [name, data] of Object.entries(files)) if (!name.endsWith("/")) zipped[name] = [data, { level: 6 }];
  return { bytes: zipSync(zipped, { mtime: MTIME }), fixture, userNote, threaded, styledRow, handParts };
}
