// The office and the units it took over in a reorganisation (Quản trị → Tổ chức lại đơn vị).
import { listUnits, updateOffice } from '../../../db/units/units.js';
import { defineSlice, type Services } from './types.js';

export function unitHandlers({ store, takeOvers }: Services) {
  return defineSlice({
    'units.list': () => listUnits(store),
    'units.updateOffice': (input, req) => updateOffice(store, req.write, input),
    'units.inspectTakeOver': async (input) => {
      const { syncServerId, ...facts } = await takeOvers.inspect(input.path);
      void syncServerId;
      return facts;
    },
    'units.takeOver': (input, req) => {
      const { path, ...rest } = input;
      return takeOvers.run(req.write, path, rest);
    },
    'units.takeOverProgress': () => takeOvers.progress(),
  });
}
