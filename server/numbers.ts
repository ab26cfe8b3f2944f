// Numbers are facts: (unit, book, year, number) is unique among the documents that are not
// flagged. Two PCs that numbered one book offline both keep their document; the later arrival
// is stored with clash = true and shown on every device until an admin renumbers one.
import type { Clash } from '../shared/sync/protocol.js';
import type { Sql } from './db.js';
import type { PlacedDocument } from './push.js';

export async function placeNumbers(sql: Sql, unitId: string, docs: PlacedDocument[]): Promise<Clash[]> {
  if (docs.length === 0) return [];
  const list = JSON.stringify(docs.map((d, o) => ({ o, id: d.documentId, book: d.bookId, year: d.year, number: d.number })));
  // Where the moved documents stood before: a place they free may promote a flagged one.
  const removed = await sql.query<{ book_id: string; year: number; number: number; clash: boolean }>(
    `DELETE FROM doc_numbers n USING (SELECT d.unit_id, d.document_id FROM unnest($2::text[]) AS x(id) CROSS JOIN LATERAL (SELECT unit_id, document_id FROM doc_numbers WHERE unit_id = $1 AND document_id = x.id OFFSET 0) d) m
     WHERE n.unit_id = m.unit_id AND n.document_id = m.document_id RETURNING n.book_id, n.year, n.number, n.clash`,
    [unitId, docs.map((d) => d.documentId)],
  );
  const freed = removed.filter((r) => !r.clash).map(({ book_id, year, number }) => ({ book_id, year, number }));
  await sql.query(
    `INSERT INTO doc_numbers (unit_id, document_id, book_id, year, number, clash)
     SELECT $1, x.id, x.book, x.year, x.number, false FROM json_to_recordset($2::json) AS x(o int, id text, book text, year int, number int) ORDER BY x.o
     ON CONFLICT (unit_id, book_id, year, number) WHERE NOT clash DO NOTHING`,
    [unitId, list],
  );
  const flagged = await sql.query<{ document_id: string; book_id: string; year: number; number: number }>(
    `INSERT INTO doc_numbers (unit_id, document_id, book_id, year, number, clash, flagged_at)
     SELECT $1, x.id, x.book, x.year, x.number, true, now() FROM json_to_recordset($2::json) AS x(id text, book text, year int, number int)
     ON CONFLICT (unit_id, document_id) DO NOTHING RETURNING document_id, book_id, year, number`,
    [unitId, list],
  );
  if (freed.length > 0) {
    await sql.query(
      `UPDATE doc_numbers n SET clash = false, flagged_at = NULL
       FROM (SELECT DISTINCT ON (c.book_id, c.year, c.number) c.document_id FROM doc_numbers c
             JOIN json_to_recordset($2::json) AS f(book_id text, year int, number int) ON c.book_id = f.book_id AND c.year = f.year AND c.number = f.number
             WHERE c.unit_id = $1 AND c.clash
               AND NOT EXISTS (SELECT 1 FROM doc_numbers h WHERE h.unit_id = $1 AND h.book_id = c.book_id AND h.year = c.year AND h.number = c.number AND NOT h.clash)
             ORDER BY c.book_id, c.year, c.number, c.flagged_at) p
       WHERE n.unit_id = $1 AND n.document_id = p.document_id`,
      [unitId, JSON.stringify(freed)],
    );
  }
  return clashesOf(
    sql,
    unitId,
    flagged.map((f) => f.document_id),
  );
}

/** The flagged documents among ids (all the unit's when ids is null), with the number's holder. */
export async function clashesOf(sql: Sql, unitId: string, ids: string[] | null): Promise<Clash[]> {
  if (ids && ids.length === 0) return [];
  const rows = await sql.query<{ document_id: string; holder_id: string; book_id: string; year: number; number: number }>(
    `SELECT c.document_id, h.document_id AS holder_id, c.book_id, c.year, c.number FROM doc_numbers c
     JOIN doc_numbers h ON h.unit_id = c.unit_id AND h.book_id = c.book_id AND h.year = c.year AND h.number = c.number AND NOT h.clash
     WHERE c.unit_id = $1 AND c.clash AND ($2::jsonb IS NULL OR c.document_id IN (SELECT jsonb_array_elements_text($2::jsonb)))
     ORDER BY c.flagged_at`,
    [unitId, ids ? JSON.stringify(ids) : null],
  );
  return rows.map((r) => ({
    documentId: r.document_id,
    holderId: r.holder_id,
    bookId: r.book_id,
    year: Number(r.year),
    number: Number(r.number),
  }));
}
