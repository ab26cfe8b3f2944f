// The house's arrows (docs/ARCHITECTURE.md) are an ESLint rule of this repository: a file that
// reaches where its side may not is refused by `npm run lint`, which `npm test` runs.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
// Only the import rules matter here: the type-aware rules need the file on disk.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false } } }],
});

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  const found = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  return found;
}

describe('the arrows between sides', () => {
  it('refuses the renderer reaching the store, the main process or Node', async () => {
    expect(
      await refusals('renderer/pages/x/Page.tsx', "import { openStore } from '../../../db/core/store.js';\nopenStore('');"),
    ).toHaveLength(1);
    expect(await refusals('renderer/pages/Page.tsx', "import { serve } from '../../electron/serve.js';\nvoid serve;")).toHaveLength(1);
    expect(await refusals('renderer/Page.tsx', "import { readFileSync } from 'node:fs';\nvoid readFileSync;")).toHaveLength(1);
    expect(await refusals('renderer/Page.tsx', "import { mayCall } from '../shared/api/access.js';\nvoid mayCall;")).toEqual([]);
  });

  it('refuses db/ importing electron/, the server importing db/, shared/ importing Node', async () => {
    expect(
      await refusals('db/x/y.ts', "import { createBackend } from '../../electron/backend/backend.js';\nvoid createBackend;"),
    ).toHaveLength(1);
    expect(await refusals('server/y.ts', "import { mutate } from '../db/core/write.js';\nvoid mutate;")).toHaveLength(1);
    expect(await refusals('shared/x/y.ts', "import { join } from 'node:path';\nvoid join;")).toHaveLength(1);
    expect(await refusals('db/x/y.ts', "import { line } from '../../shared/api/fields.js';\nvoid line;")).toEqual([]);
  });

  it("keeps 'electron' to main.ts, preload.cts, window.ts and updater.ts", async () => {
    expect(await refusals('electron/backend/z.ts', "import { app } from 'electron';\nvoid app;")).toHaveLength(1);
    expect(await refusals('electron/window.ts', "import { app } from 'electron';\nvoid app;")).toEqual([]);
  });
});
