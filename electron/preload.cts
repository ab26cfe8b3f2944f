// The only bridge between the page and the main process: invoke(method, input) → envelope.
// Sandboxed preloads are CommonJS and may not import local modules, so this file stands alone.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer, webUtils } = require('electron') as typeof import('electron');

const CHANNEL_PREFIX = 'vanthu:';
const METHOD_NAME = /^[a-zA-Z]+\.[a-zA-Z]+$/;

contextBridge.exposeInMainWorld('vanthu', {
  invoke: async (method: unknown, input: unknown): Promise<unknown> => {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Không có chức năng này.' } };
    }
    try {
      return await ipcRenderer.invoke(CHANNEL_PREFIX + method, input);
    } catch {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Không có chức năng “${method}”.` } };
    }
  },
  /** The path of a file the user picked or dropped, for attachments.add (the bytes never cross IPC). */
  pathForFile: (file: unknown): string => (file instanceof File ? webUtils.getPathForFile(file) : ''),
});
