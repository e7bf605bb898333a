// What an invite link may do: it never signs in by itself, and never switches away from unsent work.
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/sync/account.ts';
import { decideJoin, type JoinFacts } from '../../../src/sync/joinDecision.ts';
import { refusalOfDenial } from '../../../src/sync/refusal.ts';

const ana: Me = { tokenId: 'id-ana', name: 'Ana', role: 'technician' };
const bea: Me = { tokenId: 'id-bea', name: 'Bea', role: 'observer' };

function facts(over: Partial<JoinFacts>): JoinFacts {
  return {
    inviteToken: 'bea-token',
    invite: { kind: 'ok', me: bea },
    currentToken: null,
    current: null,
    waiting: null,
    ...over,
  };
}

describe('decideJoin', () => {
  it('explains an address without a token', () => {
    expect(decideJoin(facts({ inviteToken: null, invite: null }))).toEqual({ kind: 'noToken' });
  });

  it('asks a device that is not signed in, naming who the link signs in as', () => {
    expect(decideJoin(facts({}))).toEqual({ kind: 'ask', invite: bea });
  });

  it('says a refused token is not valid, and an unanswered check decides nothing', () => {
    expect(decideJoin(facts({ invite: { kind: 'refused' } }))).toEqual({ kind: 'invalid' });
    expect(decideJoin(facts({ invite: { kind: 'unreachable' } }))).toEqual({ kind: 'unreachable' });
    const signedIn = { currentToken: 'ana-token', current: ana, waiting: { changes: 0, photos: 0 } };
    expect(decideJoin(facts({ ...signedIn, invite: { kind: 'unreachable' } }))).toEqual({
      kind: 'unreachable',
    });
  });

  it('changes nothing for the token the device already uses, even without an answer', () => {
    expect(decideJoin(facts({ currentToken: 'bea-token', current: bea }))).toEqual({
      kind: 'already',
      invite: bea,
    });
    expect(decideJoin(facts({ currentToken: 'bea-token', invite: { kind: 'unreachable' } }))).toEqual({
      kind: 'already',
      invite: null,
    });
  });

  it('refuses to switch while the current account has changes or photos the server lacks', () => {
    const waiting = { changes: 2, photos: 0 };
    expect(decideJoin(facts({ currentToken: 'ana-token', current: ana, waiting }))).toEqual({
      kind: 'blocked',
      invite: bea,
      current: ana,
      waiting,
    });
    const photos = { changes: 0, photos: 1 };
    expect(decideJoin(facts({ currentToken: 'ana-token', current: ana, waiting: photos })).kind).toBe(
      'blocked',
    );
    // Counts that could not be made are not taken for "nothing waiting".
    expect(decideJoin(facts({ currentToken: 'ana-token', current: null, waiting: null })).kind).toBe(
      'blocked',
    );
  });

  it('asks for an explicit confirmation to switch once everything is on the server', () => {
    const waiting = { changes: 0, photos: 0 };
    expect(decideJoin(facts({ currentToken: 'ana-token', current: ana, waiting }))).toEqual({
      kind: 'confirmSwitch',
      invite: bea,
      current: ana,
    });
    // The current account's name is unknown when the server did not say it: still both shown, still asked.
    expect(decideJoin(facts({ currentToken: 'ana-token', current: null, waiting }))).toEqual({
      kind: 'confirmSwitch',
      invite: bea,
      current: null,
    });
  });

  it('recognises the device’s own token by the id the server gives it', () => {
    const again = decideJoin(facts({ inviteToken: 'bea-other', currentToken: 'bea-token', current: bea }));
    expect(again).toEqual({ kind: 'already', invite: bea });
  });
});

describe('refusalOfDenial', () => {
  it('reads the mission quota as a refusal of that mission only', () => {
    expect(refusalOfDenial('Mission quota reached')).toBe('quota');
    expect(refusalOfDenial('Too many connections')).toBeNull();
  });
});
