// A form field checked by the contract's own schema for it: the same rule and the same
// Vietnamese message the backend would give, and its length limit read from the schema.
import type { FormRule } from 'antd';
import type { z } from 'zod';

/** An antd rule that runs the field's zod schema (an empty box counts as not typed). */
export function fieldRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = await schema.safeParseAsync(value === '' ? undefined : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.');
    },
  };
}

interface Walkable {
  _zod: { def: { type: string; in?: Walkable; out?: Walkable; innerType?: Walkable; options?: Walkable[] } };
  maxLength?: number | null;
}

/** The most characters the schema lets through (for maxLength and the counter), if it says. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const walk = (s: Walkable | undefined): number | undefined => {
    if (!s) return undefined;
    const def = s._zod.def;
    if (def.type === 'string') return s.maxLength ?? undefined;
    if (def.type === 'pipe') return min(walk(def.in), walk(def.out));
    if (def.innerType) return walk(def.innerType);
    return undefined;
  };
  return walk(schema);
}

function min(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
