// A bench's table of measures, each with its target and PASS/MISS, as the benches print and write it.
export interface Row {
  measure: string;
  value: string;
  target: string;
  verdict: 'PASS' | 'MISS' | '';
}

export function verdictTable() {
  const rows: Row[] = [];
  const add = (measure: string, value: string, target = '', pass?: boolean) =>
    rows.push({ measure, value, target, verdict: pass === undefined ? '' : pass ? 'PASS' : 'MISS' });
  return { rows, add };
}

export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
