// The audit chain: any edited, removed or forged row is found, and where.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/core/audit.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';

let office: Office;
beforeEach(async () => {
  office = await setUpOffice();
  for (let i = 1; i <= 3; i++) await office.clerk.ok('incoming.register', { ...SAMPLE, code: `${i}/KH-BGDĐT` });
});
afterEach(() => office.cleanup());

const sqlite = () => office.t.store.sqlite;
/** The audit row of the n-th registered document. */
const seqOf = (n: number) =>
  (
    sqlite().prepare("SELECT seq FROM audit_log WHERE table_name = 'documents' AND action = 'insert' ORDER BY seq").all()[n] as {
      seq: number;
    }
  ).seq;

describe('audit.verify', () => {
  it('holds on an untouched log that covers every change', async () => {
    const verdict = await office.admin.ok('audit.verify');
    expect(verdict.ok).toBe(true);
    expect(verdict.brokenAt).toBeNull();
    const logged = sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE table_name = 'documents' AND action = 'insert'").get() as {
      n: number;
    };
    expect(logged.n).toBe(3);
    expect(verdict.checked).toBe((sqlite().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);
  });

  it('finds a row whose data was edited', async () => {
    const seq = seqOf(1);
    sqlite().prepare("UPDATE audit_log SET data = replace(data, '2/KH', '9/KH') WHERE seq = ?").run(seq);
    const verdict = await office.admin.ok('audit.verify');
    expect(verdict.ok).toBe(false);
    expect(verdict.brokenAt).toBe(seq);
    expect(verdict.reason).toContain('đã bị sửa');
  });

  it('finds a removed row', () => {
    const seq = seqOf(1);
    sqlite().prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
    const verdict = verifyAudit(sqlite());
    expect(verdict.ok).toBe(false);
    expect(verdict.brokenAt).toBe(seq + 1);
  });

  it('finds a row re-hashed by someone who does not have the previous link', () => {
    const seq = seqOf(0);
    sqlite()
      .prepare("UPDATE audit_log SET prev_hash = '" + 'f'.repeat(64) + "' WHERE seq = ?")
      .run(seq);
    expect(verifyAudit(sqlite()).brokenAt).toBe(seq);
  });

  it('is refused to a clerk', async () => {
    expect((await office.clerk.fail('audit.verify')).code).toBe('FORBIDDEN');
  });
});
