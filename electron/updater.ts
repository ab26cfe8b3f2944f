// Electron's side of updates: electron-updater's autoUpdater, a native question, and the quit
// hook. The policy is UpdateLoop's (electron/updates), tested without Electron.
import { app, dialog, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import { UpdateLoop } from './updates/updateLoop.js';

export function startUpdater(
  url: string | null | undefined,
  busy: () => string | null,
  window: () => BrowserWindow | null,
): UpdateLoop | null {
  const loop = UpdateLoop.start(url, electronUpdater.autoUpdater, {
    ask: async (version) => {
      const options = {
        type: 'question' as const,
        buttons: ['Cài khi đóng VănThư', 'Để sau'],
        defaultId: 0,
        cancelId: 1,
        title: 'Có bản cập nhật VănThư',
        message: `Đã tải xong VănThư ${version}.`,
        detail: 'Bản mới sẽ được cài khi anh/chị đóng VănThư. Dữ liệu không bị ảnh hưởng.',
      };
      const w = window();
      const r = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options);
      return r.response === 0;
    },
    busy,
    log: (m) => console.error(m),
    setInterval: (fn, ms) => setInterval(fn, ms),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  });
  if (loop) {
    app.on('before-quit', (event) => {
      if (loop.onQuit()) event.preventDefault();
    });
  }
  return loop;
}
