// `npm run admin -- history list|restore`: a mission's stored versions, and a restore made by the running server
// (only the server holds the live document its devices sync with, so a restore never bypasses it).
import { summaryInEnglish } from '../domain/history/describe.ts';
import type { DocumentStore } from './documents.ts';
import { listVersions, parseRecordRef } from './missionHistory.ts';
import type { TokenStore } from './tokens.ts';

export async function historyList(
  documents: DocumentStore,
  tokens: TokenStore,
  mission: string,
): Promise<string> {
  const versions = await listVersions(documents, tokens, mission);
  if (versions.length === 0) return `No stored versions of mission ${mission}\n`;
  return versions
    .map((v) => `${v.version}\t${v.at}\t${v.by.join(', ') || '-'}\t${summaryInEnglish(v.summary)}\n`)
    .join('');
}

/** `kind:id` as --record takes it. */
export function parseRecordOption(value: string | undefined) {
  if (value === undefined) return null;
  const at = value.indexOf(':');
  return parseRecordRef(at < 0 ? {} : { kind: value.slice(0, at), id: value.slice(at + 1) });
}

/**
 * Asks the server at `url` to restore, with a coordinator token made for this one request and revoked after it:
 * the history then names the restore "admin CLI".
 */
export async function historyRestore(
  tokens: TokenStore,
  url: string,
  mission: string,
  version: number,
  record: { kind: string; id: string } | null,
): Promise<string> {
  const { id, token } = await tokens.create({ role: 'coordinator', name: 'admin CLI' });
  try {
    const response = await fetch(new URL(`/api/missions/${mission}/history/${version}/restore`, url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(record === null ? {} : { record }),
    });
    const body = (await response.json().catch(() => ({}))) as { written?: number; error?: string };
    if (response.status === 404) throw new Error(`Version ${version} of mission ${mission} is not kept`);
    if (!response.ok)
      throw new Error(`The server refused the restore: ${response.status} ${body.error ?? ''}`);
    return `Restored mission ${mission}${record ? ` ${record.kind}:${record.id}` : ''} to version ${version} (${body.written ?? 0} records written)\n`;
  } finally {
    await tokens.revoke(id);
  }
}
