// The api contract: every method the renderer may call, its input and output schemas, and who
// may call it. The backend enforces `access`; the UI only hides what a role cannot do.
import { z } from 'zod';
import type { Role } from '../domain/enums.js';
import {
  auditVerifyOutput,
  departmentCreateInput,
  departmentOutput,
  departmentUpdateInput,
  loginInput,
  meOutput,
  setupInitializeInput,
  userCreateInput,
  userOutput,
  userUpdateInput,
} from './admin.js';
import {
  documentList,
  documentOutput,
  incomingDeleteInput,
  incomingListInput,
  incomingRegisterInput,
  incomingUpdateInput,
} from './documents.js';
import { empty, id } from './fields.js';

/** 'public': no login needed; 'user': any logged-in user; a list: those roles (admin always). */
export type Access = 'public' | 'user' | readonly Role[];

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): MethodSpec<I, O> {
  return { input, output, access };
}

const REGISTRARS = ['clerk'] as const;
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'setup.status': method(empty, z.object({ initialized: z.boolean() }), 'public'),
  'setup.initialize': method(setupInitializeInput, meOutput, 'public'),

  'auth.login': method(loginInput, meOutput, 'public'),
  'auth.logout': method(empty, ok, 'public'),
  'auth.me': method(empty, meOutput, 'user'),

  'users.list': method(empty, z.array(userOutput), ['admin']),
  'users.create': method(userCreateInput, userOutput, ['admin']),
  'users.update': method(userUpdateInput, userOutput, ['admin']),

  'departments.list': method(empty, z.array(departmentOutput), 'user'),
  'departments.create': method(departmentCreateInput, departmentOutput, ['admin']),
  'departments.update': method(departmentUpdateInput, departmentOutput, ['admin']),
  'departments.delete': method(z.object({ id }), ok, ['admin']),

  'agencies.search': method(
    z.object({ q: z.string().max(200).optional(), limit: z.number().int().min(1).max(5000).optional() }).optional().transform((v) => v ?? {}),
    z.array(z.object({ id: z.string(), name: z.string() })),
    'user',
  ),
  'docTypes.list': method(empty, z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })), 'user'),
  'books.list': method(
    z.object({ kind: z.enum(['incoming', 'outgoing']).optional() }).optional().transform((v) => v ?? {}),
    z.array(z.object({ id: z.string(), kind: z.enum(['incoming', 'outgoing']), name: z.string(), year: z.number().int().nullable(), nextNumber: z.number().int() })),
    'user',
  ),

  'incoming.register': method(incomingRegisterInput, documentOutput, REGISTRARS),
  'incoming.list': method(incomingListInput, documentList, 'user'),
  'incoming.get': method(z.object({ id }), documentOutput, 'user'),
  'incoming.update': method(incomingUpdateInput, documentOutput, REGISTRARS),
  'incoming.delete': method(incomingDeleteInput, documentOutput, REGISTRARS),

  'audit.verify': method(empty, auditVerifyOutput, ['admin']),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
