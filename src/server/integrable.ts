// Whether a Yjs update can be integrated into a document as it stands, decided from the update's own contents
// before anything is applied. Yjs keeps what it cannot integrate "pending" inside the document, re-merges it
// with every later update (a cost that grows quadratically) and writes it out with the state: an update that
// depends on structs or deletions nobody sent must never reach the document.
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;

/** Why the update cannot be integrated against `doc`, or null when it can. Throws if it cannot be decoded. */
export function unintegrableReason(doc: Y.Doc, update: Uint8Array): string | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue; // a range the sender leaves out on purpose: never a dependency
    const list = byClient.get(struct.id.client);
    if (list === undefined) byClient.set(struct.id.client, [struct]);
    else list.push(struct);
  }
  const had = (client: number) => Y.getState(doc.store, client);
  /** Per client, the clock the document reaches once the update is integrated. */
  const reach = new Map<number, number>();
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    let known = had(client);
    for (const struct of list) {
      if (struct.id.clock > known) return 'missing-structs';
      known = Math.max(known, struct.id.clock + struct.length);
    }
    reach.set(client, known);
  }
  for (const [client, deletions] of ds.clients) {
    const known = reach.get(client) ?? had(client);
    for (const { clock, len } of deletions) if (clock + len > known) return 'deletes-unknown-items';
  }
  return dependencyProblem(byClient, reach, had);
}

/**
 * Every origin and parent an item names must be in the document, or in this update without a cycle: Yjs
 * integrates a client's structs in clock order, so an item waits for its predecessors and for the structs it
 * names; a cycle among them (which no real edit history has) would stay pending.
 */
function dependencyProblem(
  byClient: Map<number, Struct[]>,
  reach: Map<number, number>,
  had: (client: number) => number,
): string | null {
  // Nodes are the structs the document lacks, numbered per client in clock order.
  const nodes: Struct[] = [];
  const range = new Map<number, { first: number; last: number }>();
  for (const [client, list] of byClient) {
    const start = had(client);
    const fresh = list.filter((s) => s.id.clock + s.length > start);
    if (fresh.length === 0) continue;
    range.set(client, { first: nodes.length, last: nodes.length + fresh.length - 1 });
    for (const struct of fresh) nodes.push(struct);
  }
  /** The node holding `clock` of `client`, -1 when the document has it already, null when nobody has it. */
  const nodeOf = (client: number, clock: number): number | null => {
    if (clock < had(client)) return -1;
    if (clock >= (reach.get(client) ?? 0)) return null;
    const span = range.get(client);
    if (span === undefined) return null;
    let lo = span.first;
    let hi = span.last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((nodes[mid]?.id.clock ?? 0) <= clock) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const edges: number[][] = nodes.map(() => []);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Struct;
    const { client, clock } = node.id;
    if (i > 0 && nodes[i - 1]?.id.client === client) edges[i]?.push(i - 1);
    if (!(node instanceof Y.Item)) continue;
    for (const ref of [node.origin, node.rightOrigin, node.parent]) {
      if (!(ref instanceof Y.ID)) continue;
      if (ref.client === client) {
        // An item can only name what its own client wrote before it.
        if (ref.clock >= clock) return 'bad-reference';
        continue;
      }
      const target = nodeOf(ref.client, ref.clock);
      if (target === null) return 'missing-dependency';
      if (target >= 0) edges[i]?.push(target);
    }
  }
  return hasCycle(edges) ? 'dependency-cycle' : null;
}

/** Iterative depth-first search (chains can be as long as the update): true when a node reaches itself. */
function hasCycle(edges: number[][]): boolean {
  const state = new Uint8Array(edges.length); // 0 unseen, 1 on the path, 2 done
  for (let root = 0; root < edges.length; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [node, next] = top;
      const out = edges[node] ?? [];
      if (next >= out.length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const target = out[next] as number;
      if (state[target] === 1) return true;
      if (state[target] === 0) {
        state[target] = 1;
        stack.push([target, 0]);
      }
    }
  }
  return false;
}
