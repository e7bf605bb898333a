// Whether a token is revoked, asked before each of its writes is logged. Under load hundreds of writes arrive in
// one turn of the event loop: their questions are answered together by one look-up in the token store, made after
// every one of them was asked, so each write still sees every revocation committed before its own check began.
import type { TokenStore } from './tokens.ts';

interface Asked {
  tokenId: string;
  resolve(revoked: boolean): void;
  reject(error: unknown): void;
}

/** At most this many ids in one look-up; a longer queue takes several. */
const MAX_IDS_PER_LOOKUP = 500;

export function createRevocationCheck(tokens: TokenStore): (tokenId: string) => Promise<boolean> {
  let asked: Asked[] = [];
  let scheduled = false;

  const answer = () => {
    scheduled = false;
    const questions = asked;
    asked = [];
    for (let start = 0; start < questions.length; start += MAX_IDS_PER_LOOKUP) {
      const part = questions.slice(start, start + MAX_IDS_PER_LOOKUP);
      const ids = [...new Set(part.map((question) => question.tokenId))];
      tokens.revokedAmong(ids).then(
        (revoked) => {
          for (const question of part) question.resolve(revoked.has(question.tokenId));
        },
        (error: unknown) => {
          for (const question of part) question.reject(error);
        },
      );
    }
  };

  return (tokenId) =>
    new Promise<boolean>((resolve, reject) => {
      asked.push({ tokenId, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      // After the messages already read in this turn have asked too.
      setImmediate(answer);
    });
}
