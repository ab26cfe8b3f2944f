// One action at a time on a panel: which one is running (for its button's spinner), and its
// error shown as a message.
import { App } from 'antd';
import { useCallback, useState } from 'react';

export function useBusyAction(after?: () => void): [string | null, (what: string, fn: () => Promise<void>) => Promise<void>] {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (what: string, fn: () => Promise<void>) => {
      setBusy(what);
      try {
        await fn();
      } catch (err) {
        message.error((err as Error).message);
      } finally {
        setBusy(null);
        after?.();
      }
    },
    [message, after],
  );
  return [busy, run];
}
