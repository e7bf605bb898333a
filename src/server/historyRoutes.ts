// /api/missions/:id/history[/:version[/restore]]: a mission's versions, a preview, a restore (coordinators only).
import type { IncomingMessage } from 'node:http';
import { asMissionId } from '../domain/ids.ts';
import type { TokenRow } from './db.ts';
import type { DocumentStore } from './documents.ts';
import { readJson, type Reply } from './invites.ts';
import type { Logger } from './log.ts';
import {
  listVersions,
  parseRecordRef,
  previewVersion,
  restoreMission,
  type Restorer,
} from './missionHistory.ts';
import type { TokenStore } from './tokens.ts';

const ROUTE = /^\/api\/missions\/([^/]+)\/history(?:\/(\d{1,15})(\/restore)?)?$/;

export interface HistoryContext {
  store: DocumentStore;
  tokens: TokenStore;
  restorer: Restorer;
  log: Logger;
}

export const isHistoryRoute = (urlPath: string): boolean => ROUTE.test(urlPath);

export async function handleHistory(
  req: IncomingMessage,
  urlPath: string,
  caller: TokenRow,
  context: HistoryContext,
): Promise<Reply> {
  const [, rawId = '', rawVersion, restore] = ROUTE.exec(urlPath) ?? [];
  if (caller.role !== 'coordinator') {
    context.log({ event: 'refused', refusal: 'history-not-coordinator', tokenId: caller.id, path: urlPath });
    return { status: 403, body: { error: 'forbidden' } };
  }
  const missionId = asMissionId(rawId);
  if (missionId === null || missionId !== missionId.toLowerCase())
    return { status: 404, body: { error: 'not_found' } };
  const method = restore ? 'POST' : 'GET';
  if (req.method !== method) return { status: 405, body: { error: 'method_not_allowed' } };
  if (rawVersion === undefined)
    return { status: 200, body: { versions: await listVersions(context.store, context.tokens, missionId) } };
  const version = Number(rawVersion);
  if (!restore) {
    const preview = await previewVersion(context.store, missionId, version);
    return preview === null ? { status: 404, body: { error: 'not_found' } } : { status: 200, body: preview };
  }
  let only = null;
  if (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined) {
    const body = await readJson(req, context.log);
    if (!('value' in body)) return body;
    const record = (body.value as { record?: unknown } | null)?.record;
    if (record !== undefined) {
      const parsed = parseRecordRef(record);
      if (typeof parsed === 'string') return { status: 400, body: { error: 'invalid', message: parsed } };
      only = parsed;
    }
  }
  const who = { tokenId: caller.id, name: caller.name };
  const result = await restoreMission(context.store, context.restorer, missionId, version, who, only);
  if (result === null) return { status: 404, body: { error: 'not_found' } };
  context.log({ event: 'history-restored', tokenId: caller.id, mission: missionId, version, record: only });
  return { status: 200, body: result };
}
