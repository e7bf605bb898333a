// Acknowledgements held until durable. Hocuspocus applies an update, relays it to the document's other
// connections and acknowledges it to its sender in one step. Relaying at once keeps devices in step; the
// acknowledgement is the promise "saved", so it goes out only once every update of the document logged before it
// has committed. That includes the empty sync step of a device that reconnects while its own last update is still
// on its way to disk: the server holds that update in memory already, but has not stored it.
//
// The hold is made by wrapping `send` of Hocuspocus's Connection (a public method) and recognising the
// acknowledgement on the wire; tests/server/acknowledgements.test.ts fails if Hocuspocus changes either.
import type { Connection } from '@hocuspocus/server';
import { isSyncStatus } from './wire.ts';

export interface Acknowledgements {
  /** Makes the connection's acknowledgements wait for the document's commits; once per connection. */
  hold(connection: Connection, documentName: string): void;
  /** The document's next acknowledgements also wait for this update's commit (never rejects the chain). */
  committing(documentName: string, durable: Promise<unknown>): void;
  /** Acknowledgements this connection still holds back. */
  held(connection: Connection): number;
  /** Resolves once the connection's held acknowledgements have gone out (or been dropped). */
  flushed(connection: Connection): Promise<void>;
}

interface Gate {
  /** The last acknowledgement's turn: resolves true once sent, false if its commit failed. */
  tail: Promise<boolean>;
  held: number;
}

export function createAcknowledgements(): Acknowledgements {
  /** Per document, resolves true once every update logged so far has committed, false if one failed. */
  const durable = new Map<string, Promise<boolean>>();
  const gates = new WeakMap<Connection, Gate>();

  return {
    hold(connection, documentName) {
      if (gates.has(connection)) return;
      const gate: Gate = { tail: Promise.resolve(true), held: 0 };
      gates.set(connection, gate);
      const send = connection.send.bind(connection);
      connection.send = (message: Uint8Array) => {
        if (!isSyncStatus(message)) return send(message);
        const barrier = durable.get(documentName) ?? Promise.resolve(true);
        const previous = gate.tail;
        gate.held += 1;
        // In order, after the acknowledgements before it; never after a failed commit (the device resends).
        gate.tail = Promise.all([previous, barrier]).then(([sentBefore, stored]) => {
          gate.held -= 1;
          if (!sentBefore || !stored) return false;
          send(message);
          return true;
        });
      };
    },
    committing(documentName, commit) {
      const before = durable.get(documentName) ?? Promise.resolve(true);
      const all = Promise.all([
        before,
        commit.then(
          () => true,
          () => false,
        ),
      ]).then(([a, b]) => a && b);
      durable.set(documentName, all);
      // Forgotten once settled, unless a later commit of the document took its place meanwhile.
      void all.then(() => {
        if (durable.get(documentName) === all) durable.delete(documentName);
      });
    },
    held: (connection) => gates.get(connection)?.held ?? 0,
    flushed: async (connection) => {
      await gates.get(connection)?.tail;
    },
  };
}
