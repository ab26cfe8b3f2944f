// A data folder with an office already set up and `count` incoming documents in its register.
import { issueOutgoing } from '../../db/outgoing/outgoing.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { hashPassword } from '../../db/admin/password.js';
import { newUserKey } from '../../db/admin/userKeys.js';
import { initialize } from '../../db/admin/setup.js';
import { openStore } from '../../db/core/store.js';
import { createDepartment, createUser } from '../../db/admin/users.js';
import { assignIncoming, submitIncoming } from '../../db/handling/steps.js';
import { storePath } from '../../electron/dataDir.js';
import { corpusDocument } from '../bench/corpus.js';
import { openSigner } from '../../db/admin/signers.js';
import { addItems, openDossier } from '../../db/dossiers/dossiers.js';
import { officeDate } from '../../shared/text/dates.js';
import { WorkCalendar } from '../../shared/domain/workdays.js';

export const CLERK = { username: 'vanthu', password: 'matkhau-12345' };
export const LEADER = { username: 'lanhdao', password: 'matkhau-12345' };
export const SPECIALIST = { username: 'chuyenvien', password: 'matkhau-12345' };

export async function seededDataDir(count: number, unit = { name: 'Sở Giáo dục và Đào tạo Hà Nội', code: 'SGDĐT' }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-seed-'));
  const store = openStore(storePath(dir));
  const hash = await hashPassword(CLERK.password);
  const { userId: adminId, signer } = initialize(store, {
    unitName: unit.name,
    unitCode: unit.code,
    adminUsername: 'quantri',
    adminFullName: 'Quản trị hệ thống',
    adminPasswordHash: hash,
    adminKey: await newUserKey(CLERK.password),
  });
  const ctx = { userId: adminId, signer };
  const key = await newUserKey(CLERK.password);
  const office = createDepartment(store, ctx, { name: 'Văn phòng Sở', code: 'VP' });
  createUser(store, ctx, {
    username: CLERK.username,
    fullName: 'Trần Thị Văn Thư',
    passwordHash: hash,
    key,
    roles: ['clerk'],
    departmentId: office.id,
  });
  createUser(store, ctx, { username: LEADER.username, fullName: 'Phạm Văn Lãnh Đạo', passwordHash: hash, key, roles: ['leader'] });
  createUser(store, ctx, {
    username: SPECIALIST.username,
    fullName: 'Lê Thị Chuyên Viên',
    passwordHash: hash,
    key,
    roles: ['specialist'],
    departmentId: office.id,
  });
  store.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      registerIncoming(store, ctx, {
        ...corpusDocument(i),
        issuedDate: '2026-01-02',
        receivedAt: '2026-01-05T02:00:00Z',
        ...INCOMING_DEFAULTS,
      });
    }
  })();
  store.close();
  return dir;
}

/** One document registered, submitted and assigned to the clerk in January 2026 with a deadline
 * long passed: an overdue task (the deadline banner, Tổng quan's "Quá hạn"). */
export function addLateTask(dir: string, doc: { agency: string; code: string; type: string; summary: string }): void {
  const store = openStore(storePath(dir), { now: () => new Date('2026-01-06T03:00:00Z') });
  const users = store.sqlite.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[];
  const leader = users.find((u) => u.username === LEADER.username)!.id;
  const clerk = users.find((u) => u.username === CLERK.username)!.id;
  const made = registerIncoming(store, { userId: clerk }, { ...doc, issuedDate: '2026-01-05', ...INCOMING_DEFAULTS });
  submitIncoming(store, { userId: clerk }, { id: made.id, leaderId: leader, note: null });
  assignIncoming(
    store,
    { userId: leader },
    { id: made.id, direction: 'Báo cáo gấp', lead: { userId: clerk, deadline: '2026-01-09' }, coordinate: [], inform: [] },
  );
  store.close();
}

/**
 * An office's history for the suggestions: admissions went to Phòng Giáo dục Trung học with
 * Kế hoạch - Tài chính coordinating, in ten working days, filed in the admissions dossier kept
 * by the specialist; budgets went to Kế hoạch - Tài chính. Then one more on admissions, submitted
 * to the leader and waiting for his direction.
 */
export async function addRoutingHistory(dir: string): Promise<{ waiting: string }> {
  const store = openStore(storePath(dir));
  const users = store.sqlite.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[];
  const leader = users.find((u) => u.username === LEADER.username)!.id;
  const clerk = users.find((u) => u.username === CLERK.username)!.id;
  const specialist = users.find((u) => u.username === SPECIALIST.username)!.id;
  const adminId = users.find((u) => u.username === 'quantri')!.id;
  const admin = { userId: adminId, signer: await openSigner(store, adminId, CLERK.password) };
  const trungHoc = createDepartment(store, admin, { name: 'Phòng Giáo dục Trung học', code: 'GDTrH' });
  const taiChinh = createDepartment(store, admin, { name: 'Phòng Kế hoạch - Tài chính', code: 'KHTC' });
  const year = Number(officeDate(store.now()).slice(0, 4));
  const dossier = openDossier(
    store,
    { userId: specialist },
    { year, title: 'Hồ sơ tuyển sinh lớp 10', notation: '05.GDTrH', retention: '10', keeperId: specialist },
  );
  const calendar = new WorkCalendar();
  const subjects = [
    ['Tuyển sinh vào lớp 10 trung học phổ thông', trungHoc.id, [taiChinh.id]],
    ['Hướng dẫn công tác tuyển sinh lớp 10', trungHoc.id, [taiChinh.id]],
    ['Kế hoạch tuyển sinh đầu cấp', trungHoc.id, [taiChinh.id]],
    ['Phân bổ kinh phí sự nghiệp giáo dục', taiChinh.id, []],
    ['Quyết toán ngân sách các đơn vị', taiChinh.id, []],
  ] as const;
  let n = 500;
  for (let round = 0; round < 3; round++) {
    for (const [summary, lead, coordinate] of subjects) {
      n += 1;
      const doc = registerIncoming(
        store,
        { userId: clerk },
        {
          agency: 'Sở Giáo dục và Đào tạo Hà Tĩnh',
          code: `${n}/SGDĐT-GDTrH`,
          type: 'CV',
          issuedDate: officeDate(store.now()),
          summary,
          ...INCOMING_DEFAULTS,
        },
      );
      submitIncoming(store, { userId: clerk }, { id: doc.id, leaderId: leader, note: null });
      const deadline = calendar.addWorkingDays(officeDate(store.now()), 10);
      assignIncoming(
        store,
        { userId: leader },
        {
          id: doc.id,
          direction: 'Đề nghị xử lý theo quy định.',
          lead: { departmentId: lead, deadline },
          coordinate: coordinate.map((departmentId) => ({ departmentId })),
          inform: [],
        },
      );
      if (lead === trungHoc.id) addItems(store, { userId: specialist }, { dossierId: dossier.id, documentIds: [doc.id] });
    }
  }
  const waiting = registerIncoming(
    store,
    { userId: clerk },
    {
      agency: 'Bộ Giáo dục và Đào tạo',
      code: '999/BGDĐT-GDTrH',
      type: 'CV',
      issuedDate: officeDate(store.now()),
      summary: 'Tổ chức tuyển sinh vào lớp 10 năm học 2027 - 2028',
      ...INCOMING_DEFAULTS,
    },
  );
  submitIncoming(store, { userId: clerk }, { id: waiting.id, leaderId: leader, note: null });
  store.close();
  return { waiting: waiting.id };
}

/** An issued kế hoạch the leader (Phạm Văn Lãnh Đạo) signs, registered by the clerk; its PDF is attached in the test. */
export async function addIssuedPlan(dir: string): Promise<void> {
  const store = openStore(storePath(dir));
  const clerk = (store.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(CLERK.username) as { id: string }).id;
  // The year's outgoing book is made on the way: an office record, signed by its author's key.
  issueOutgoing(store, { userId: clerk, signer: await openSigner(store, clerk, CLERK.password) }, {
    type: 'KH',
    confidentiality: 'thuong',
    summary: 'Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh lớp 12',
    issuedDate: '2026-12-03',
    signerName: 'Phạm Văn Lãnh Đạo',
    signerPosition: 'Phó Giám đốc',
    signerPrefix: 'KT.',
    recipients: 'Các trường THPT;\nLưu: VT.',
    copies: 3,
    urgency: 'thuong',
  } as Parameters<typeof issueOutgoing>[2]);
  store.close();
}
