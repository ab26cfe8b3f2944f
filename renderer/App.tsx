import { Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Me } from '../shared/api/admin.js';
import { api, whenSessionLost } from './api/client';
import { LoginPage } from './pages/LoginPage';
import { forgetLookups } from './hooks/useLookup';

// The login screen comes first and alone; the program (and first-run setup) load behind it, so a
// PC shows the login at once instead of after all of the program's code (#20 item 9).
const Shell = lazy(() => import('./layout/Shell').then((m) => ({ default: m.Shell })));
const SetupPage = lazy(() => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const waiting = (
  <div className="vt-center">
    <Spin size="large" />
  </div>
);

type Preset = { unitName: string | null; unitCode: string | null } | null;
type Join = { url: string; code: string | null } | null;
type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'setup'; preset: Preset; join: Join }
  | { kind: 'login' }
  | { kind: 'in'; me: Me };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const { initialized, preset, join } = await api.call('setup.status');
      if (!initialized) return setState({ kind: 'setup', preset, join });
      try {
        setState({ kind: 'in', me: await api.call('auth.me') });
      } catch {
        setState({ kind: 'login' });
      }
    } catch (err) {
      setState({ kind: 'error', message: (err as Error).message });
    }
  }, []);

  useEffect(() => {
    whenSessionLost(() => setState({ kind: 'login' }));
    void load();
  }, [load]);

  switch (state.kind) {
    case 'loading':
      return waiting;
    case 'error':
      return <Result status="error" title="Không kết nối được tới VănThư" subTitle={state.message} />;
    case 'setup':
      return (
        <Suspense fallback={waiting}>
          <SetupPage
            preset={state.preset}
            join={state.join}
            onDone={(me) => setState({ kind: 'in', me })}
            onJoined={() => setState({ kind: 'login' })}
          />
        </Suspense>
      );
    case 'login':
      return <LoginPage onDone={(me) => setState({ kind: 'in', me })} />;
    case 'in':
      return (
        <Suspense fallback={waiting}>
          <Shell
            me={state.me}
            onLogout={async () => {
              // Logging out of a session the backend already forgot is still logging out.
              await api.call('auth.logout').catch(() => undefined);
              forgetLookups(); // the next user may see other staff and books
              setState({ kind: 'login' });
            }}
          />
        </Suspense>
      );
  }
}
