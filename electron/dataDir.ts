// The per-user data folder, the same for the desktop window and for browser mode:
// %APPDATA%\VanThu on Windows, ~/Library/Application Support/VanThu on macOS,
// $XDG_CONFIG_HOME/VanThu (~/.config/VanThu) elsewhere.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'VanThu';
export const STORE_FILE = 'vanthu.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}

export function storePath(dataDir: string): string {
  return join(dataDir, STORE_FILE);
}

/** Attachment bytes, content-addressed (files/ab/cd/<sha256>). */
export function filesPath(dataDir: string): string {
  return join(dataDir, 'files');
}
