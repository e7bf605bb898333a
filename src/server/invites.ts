// POST /api/invites: a coordinator creates a token for another device, shown to them as an invite link.
import type { IncomingMessage } from 'node:http';
import { isUuid } from '../domain/ids.ts';
import type { Role, TokenRow } from './db.ts';
import type { Logger } from './log.ts';
import type { TokenStore } from './tokens.ts';

/** Roles an invite may grant: a coordinator token is made with the admin CLI on the server, never remotely. */
export const INVITE_ROLES: readonly Role[] = ['technician', 'observer'];
const MAX_BODY_BYTES = 64 * 1024;
const MAX_NAME_LENGTH = 120;
const MAX_MISSIONS = 1000;

export interface InviteInput {
  role: Role;
  name: string;
  missions: string[];
}

export interface Reply {
  status: number;
  body: unknown;
}

/** The body checked field by field; a message naming the first problem, for whoever calls the API by hand. */
export function parseInvite(body: unknown): InviteInput | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const { role, name, missions = [] } = body as Record<string, unknown>;
  if (!INVITE_ROLES.includes(role as Role)) return `role must be one of ${INVITE_ROLES.join(', ')}`;
  if (typeof name !== 'string' || name.trim() === '') return 'name is required';
  if (name.trim().length > MAX_NAME_LENGTH) return `name is longer than ${MAX_NAME_LENGTH} characters`;
  if (!Array.isArray(missions) || missions.length > MAX_MISSIONS) return 'missions must be a list of ids';
  if (!missions.every((id): id is string => typeof id === 'string' && isUuid(id)))
    return 'missions must be mission ids (uuid)';
  // Same spelling as the document names the server checks membership against (access.ts lowercases).
  const unique = [...new Set(missions.map((id) => id.toLowerCase()))];
  return { role: role as Role, name: name.trim(), missions: unique };
}

/** The request body as JSON, or a reply saying why not; stops reading past the limit. */
export async function readJson(req: IncomingMessage, log: Logger): Promise<{ value: unknown } | Reply> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return { status: 413, body: { error: 'too_large' } };
      chunks.push(chunk);
    }
  } catch {
    // The client hung up, or the server's request deadline cut a slow body: a refusal, not an internal error.
    log({ event: 'refused', refusal: 'incomplete-body', path: req.url, bytes: size });
    return { status: 400, body: { error: 'incomplete_body' } };
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { status: 400, body: { error: 'invalid_json' } };
  }
}

/** Handles /api/invites for an already authenticated caller. */
export async function handleInvites(
  req: IncomingMessage,
  caller: TokenRow,
  tokens: TokenStore,
  log: Logger,
): Promise<Reply> {
  if (req.method !== 'POST') return { status: 405, body: { error: 'method_not_allowed' } };
  if (caller.role !== 'coordinator') {
    log({ event: 'refused', refusal: 'invite-not-coordinator', tokenId: caller.id });
    return { status: 403, body: { error: 'forbidden' } };
  }
  const read = await readJson(req, log);
  if (!('value' in read)) return read;
  const input = parseInvite(read.value);
  if (typeof input === 'string') return { status: 400, body: { error: 'invalid_invite', message: input } };
  const created = await tokens.create(input);
  // The secret goes to the caller only: the log names the new token by its id.
  log({
    event: 'invite-created',
    tokenId: created.id,
    role: input.role,
    missions: input.missions.length,
    by: caller.id,
  });
  return { status: 201, body: { token: created.token, id: created.id } };
}
