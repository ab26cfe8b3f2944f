// Counting: Tổng quan, the periodic report, registers printed and exported.
import { overview, summaryReport } from '../../../db/reports/reports.js';
import { reportFile } from '../../registers/reportFiles.js';
import { exportRegisterFile, printRegisterFile } from '../../registers/registersService.js';
import { defineSlice, userOf, type Services } from './types.js';

export function reportHandlers({ store, sync }: Services) {
  return defineSlice({
    'dashboard.overview': (_input, req) => overview(store, userOf(req)),
    'reports.summary': (input) => summaryReport(store, input),
    'reports.units': (input) => sync.unitsReport(input),
    'reports.export': (input) => reportFile(store, input),
    'registers.print': (input, req) => printRegisterFile(store, req.write, userOf(req), input),
    'registers.export': (input, req) => exportRegisterFile(store, userOf(req), input),
  });
}
