// Suggestions drawn from the office's own history (db/suggest): who handles a document and where
// it is filed. Each says why, in words the user can check; none is acted on without him.
import { z } from 'zod';
import { id } from './fields.js';

const why = z.string();

/** A person or a department as one pick-list value: "u:<id>" or "d:<id>" (the direction form and its suggestions). */
export function assigneeValue(a: { userId: string | null; departmentId: string | null }): string {
  return a.userId ? `u:${a.userId}` : `d:${a.departmentId}`;
}

export function assigneeOf(
  value: string,
  deadline: string | null = null,
): { userId: string; deadline: string | null } | { departmentId: string; deadline: string | null } {
  const [kind, id] = value.split(':') as [string, string];
  return kind === 'u' ? { userId: id, deadline } : { departmentId: id, deadline };
}

export const routingSuggestionOutput = z.object({
  /** How many alike past documents were weighed. */
  basis: z.number().int(),
  /** Up to three ways, best first; value is the direction form's pick-list value ("d:…" or "u:…"). */
  lead: z.array(z.object({ value: z.string(), label: z.string(), support: z.number().int(), share: z.number(), reason: why })),
  coordinate: z.array(z.object({ value: z.string(), label: z.string(), support: z.number().int() })),
  deadline: z.object({ date: z.string(), workingDays: z.number().int(), support: z.number().int() }).nullable(),
  reason: why,
});
export type RoutingSuggestion = z.infer<typeof routingSuggestionOutput>;

export const dossierSuggestionOutput = z.object({
  basis: z.number().int(),
  choices: z.array(
    z.object({
      dossierId: z.string(),
      notation: z.string(),
      title: z.string(),
      support: z.number().int(),
      share: z.number(),
      reason: why,
    }),
  ),
  reason: why,
});
export type DossierSuggestion = z.infer<typeof dossierSuggestionOutput>;

export const suggestInput = z.object({ id });
