// The real-world files of ../shared/testdata (other projects' test suites), beside the clone on
// the team's machines and in CI, absent on a user's. Tests that read them skip without it,
// and say so in one line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SharedTestdata {
  dir: string;
  present: boolean;
}

const told = new Set<string>();

/** The folder `../shared/testdata/<kind>`; `present` is false (and a line is printed once) where it is missing. */
export function sharedTestdata(kind: 'pdf' | 'xlsx', skipping: string): SharedTestdata {
  const dir = join(import.meta.dirname, '../../../shared/testdata', kind);
  const present = existsSync(join(dir, 'INDEX.tsv'));
  if (!present && !told.has(skipping)) {
    told.add(skipping);
    console.log(`SKIPPED: ${skipping} — ../shared/testdata/${kind} is not beside this clone (it is on the team's machines and in CI).`);
  }
  return { dir, present };
}
