// A workbook as the importer sees it, whatever the file was: sheets of rows of plain values
// (text already in Unicode NFC, formulas as their cached results, merged ranges filled).
export type CellValue = string | number | boolean | Date | null;

export interface Sheet {
  name: string;
  hidden: boolean;
  /** rows[r][c], 0-based; a merged range's value in each of its cells. */
  rows: CellValue[][];
  /** Rows (0-based) that a vertical merge filled from above. */
  mergedRows?: Set<number>;
}

export interface Workbook {
  sheets: Sheet[];
  /** The 1904 date system (old Mac Excel): serials count from 1904-01-01. */
  date1904: boolean;
  notes: string[];
}

/** Counts what the legacy-text pass converted, for the preview's notes. */
export class TextTally {
  tcvn3 = 0;
  vni = 0;

  notes(): string[] {
    const out: string[] = [];
    if (this.tcvn3) out.push(`Đã chuyển ${this.tcvn3.toLocaleString('vi-VN')} ô chữ từ mã TCVN3 (ABC, phông .Vn…) sang Unicode.`);
    if (this.vni) out.push(`Đã chuyển ${this.vni.toLocaleString('vi-VN')} ô chữ từ mã VNI (phông VNI-…) sang Unicode.`);
    return out;
  }
}
