// The daily backup: checked every hour while VănThư runs; a day after the last good backup the
// next one is made into the chosen folder, then the folder is rotated (7 daily, 4 weekly).
// A failure is kept for the status and tried again at the next check.
import type { BackupService } from './backupService.js';

const HOUR = 3_600_000;
const DUE_AFTER = 20 * HOUR; // "daily", without drifting later each day

export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly service: BackupService,
    private readonly now: () => Date,
    private readonly log: (message: string) => void = () => {},
  ) {}

  start(firstCheckMs = 2 * 60_000): void {
    const next = (ms: number) => {
      this.timer = setTimeout(() => void this.tick().finally(() => next(HOUR)), ms);
      this.timer.unref();
    };
    next(firstCheckMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Makes the backup if one is due; answers its folder, or null when none was due. */
  async tick(): Promise<string | null> {
    const { folder, enabled } = this.service.schedule();
    if (!enabled || !folder || this.service.running) return null;
    const last = this.service.lastGood();
    if (last && this.now().getTime() - Date.parse(last.at) < DUE_AFTER) return null;
    try {
      const made = await this.service.create(folder);
      await this.service.rotate(folder);
      this.service.lastError = null;
      return made.path;
    } catch (err) {
      this.service.lastError = err instanceof Error ? err.message : String(err);
      this.log(`Sao lưu tự động lỗi: ${this.service.lastError}`);
      return null;
    }
  }
}
