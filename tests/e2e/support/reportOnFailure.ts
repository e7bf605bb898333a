// When an end-to-end test fails, what the sync servers it ran against logged as going wrong (refusals, unusual
// closes, failed commits) and what the phones' pages warned of: a failure on a loaded machine then says what the
// server and the app saw, not only what the page did not show.
import { beforeEach } from 'vitest';
import { pageLogs } from './pageLog.ts';
import { serverTroubles } from './server.ts';

beforeEach((context) => {
  context.onTestFailed(() => {
    for (const [url, entries] of serverTroubles()) {
      if (entries.length === 0) continue;
      console.error(
        `sync server ${url}, latest troubles:\n${entries.map((e) => JSON.stringify(e)).join('\n')}`,
      );
    }
    for (const [who, lines] of pageLogs()) {
      if (lines.length > 0) console.error(`${who}'s pages, latest warnings:\n${lines.join('\n')}`);
    }
  });
});
