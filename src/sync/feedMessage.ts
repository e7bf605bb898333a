// What the server's change feed says, read through a schema: it comes over the network, so it is untrusted.
import * as v from 'valibot';

/** The server sends at most 500 documents per message; anything far larger is not read at all. */
export const MAX_FEED_PAYLOAD_CHARS = 256 * 1024;
const MAX_FEED_DOCS = 1000;

const FeedMessageSchema = v.object({
  type: v.picklist(['versions', 'changed']),
  docs: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^(mission|review|programme):[0-9a-f-]{36}$/)),
      v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    ),
    v.check((docs) => Object.keys(docs).length <= MAX_FEED_DOCS, 'too many documents'),
  ),
  /** On `versions`: the last message of the list sent at connection. */
  complete: v.optional(v.boolean()),
});

export type FeedMessage = v.InferOutput<typeof FeedMessageSchema>;

/** The message, or null for anything that is not one. */
export function parseFeedMessage(payload: string): FeedMessage | null {
  if (payload.length > MAX_FEED_PAYLOAD_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const result = v.safeParse(FeedMessageSchema, value);
  return result.success ? result.output : null;
}
