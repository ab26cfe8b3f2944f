// Keeping VănThư current (electron-updater, generic provider at the office's update URL):
// check at start and daily, download in the background, ask once it is ready, install on quit
// — but never while a write is under way (a backup, an import, a file copy): the quit waits.
// Off when no URL is set. Plain Node: electron/updater.ts plugs in Electron's pieces.

import { isHttpsOrLocal } from '../../shared/sync/secureUrl.js';

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', fn: (info: { version: string }) => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateHost {
  /** Asks the user; true: install when VănThư closes. */
  ask(version: string): Promise<boolean>;
  /** What is being written right now, if anything. */
  busy(): string | null;
  log(message: string): void;
  setInterval(fn: () => void, ms: number): { unref?(): void };
  setTimeout(fn: () => void, ms: number): unknown;
}

const DAY = 24 * 60 * 60 * 1000;

export class UpdateLoop {
  /** A downloaded version the user agreed to install on quit. */
  approved: string | null = null;
  private checking = false;
  private installing = false;

  constructor(
    private readonly updater: UpdaterLike,
    private readonly host: UpdateHost,
  ) {}

  static start(url: string | null | undefined, updater: UpdaterLike, host: UpdateHost): UpdateLoop | null {
    if (!url) return null;
    // An update is a program the PC will run: fetched only over an encrypted connection.
    if (!isHttpsOrLocal(url)) {
      host.log(`Cập nhật tắt: địa chỉ “${url}” không dùng https:// (bản cập nhật là chương trình sẽ chạy trên máy).`);
      return null;
    }
    const loop = new UpdateLoop(updater, host);
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false; // we install ourselves, after asking and when no write is open
    updater.setFeedURL({ provider: 'generic', url });
    updater.on('update-downloaded', (info) => void loop.downloaded(info.version));
    updater.on('error', (err) => host.log(`Cập nhật: ${err.message}`));
    void loop.check();
    host.setInterval(() => void loop.check(), DAY).unref?.();
    return loop;
  }

  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.updater.checkForUpdates();
    } catch (err) {
      this.host.log(`Không kiểm tra được bản cập nhật: ${(err as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  private async downloaded(version: string): Promise<void> {
    if (await this.host.ask(version)) this.approved = version;
  }

  /**
   * Called when the app is about to quit. Answers true when it takes over the quit: the
   * install starts now, or as soon as the write under way ends.
   */
  onQuit(): boolean {
    if (!this.approved || this.installing) return false;
    const go = () => {
      const busy = this.host.busy();
      if (busy) {
        this.host.log(`Chờ ${busy.toLowerCase()} xong rồi mới cài bản cập nhật.`);
        this.host.setTimeout(go, 1000);
        return;
      }
      this.installing = true; // the installer's own quit must go through
      this.updater.quitAndInstall(false, false);
    };
    go();
    return true;
  }
}
