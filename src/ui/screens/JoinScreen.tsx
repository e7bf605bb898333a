// Opening an invite link (`/join#token=…`): shows who the link signs this device in as, and asks first. A link
// someone else sent can therefore never switch the device's account unseen (login CSRF), and switching is refused
// while the current account has work the server lacks.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../sync/account.ts';
import { tokenFromFragment } from '../../sync/account.ts';
import type { JoinDecision, Waiting } from '../../sync/joinDecision.ts';
import { useApp } from '../appContext.ts';
import { useI18n } from '../i18n/context.tsx';
import { joinInvite } from '../i18n/messages/joinInvite.ts';
import { syncScreens } from '../i18n/messages/syncScreens.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { link, routes } from '../routes.ts';
import { carryInvite, openFresh, takeCarriedInvite } from './joinCarry.ts';

/** Loaded with this screen: the sync module, which a device never signed in has not loaded. */
const loadJoin = () => import('../../sync/join.ts');

type Step =
  | { kind: 'checking' }
  | { kind: 'decided'; decision: JoinDecision }
  | { kind: 'signingIn' }
  | { kind: 'connected'; me: Me }
  | { kind: 'switching' }
  | { kind: 'incomplete'; blocked: boolean; invite: Me }
  | { kind: 'cancelled' }
  | { kind: 'failed' };

/**
 * The token of the address, read once and at once removed from the address bar and history; or the one carried
 * over the reload that follows removing the previous account (with the account the person confirmed).
 */
function useInviteToken(): { token: string | null; confirmed: string | null } {
  const [found] = useState(() => {
    const token = tokenFromFragment(window.location.hash);
    if (window.location.hash !== '') {
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    }
    if (token !== null) return { token, confirmed: null };
    const carried = takeCarriedInvite();
    return carried === null ? { token: null, confirmed: null } : carried;
  });
  return found;
}

function WaitingList({ waiting }: { waiting: Waiting }) {
  const t = useMessages(syncScreens);
  return (
    <>
      {waiting.changes > 0 && (
        <p>
          {waiting.changes === 1 ? t('sync.pendingOne') : t('sync.pendingMany', { count: waiting.changes })}
        </p>
      )}
      {waiting.photos > 0 && (
        <p>
          {waiting.photos === 1
            ? t('sync.remove.photosOne')
            : t('sync.remove.photosMany', { count: waiting.photos })}
        </p>
      )}
    </>
  );
}

function Identities({ current, invite }: { current: Me | null; invite: Me }) {
  const t = useMessages(joinInvite);
  const s = useMessages(syncScreens);
  const role = (me: Me) => s(`sync.role.${me.role}`);
  return (
    <ul class="join__identities">
      <li>
        {current === null
          ? t('joinInvite.currentUnknown')
          : t('joinInvite.current', { name: current.name, role: role(current) })}
      </li>
      <li>{t('joinInvite.link', { name: invite.name, role: role(invite) })}</li>
    </ul>
  );
}

export function JoinScreen() {
  const t = useMessages(joinInvite);
  const s = useMessages(syncScreens);
  const { t: common } = useI18n();
  const { profile } = useApp();
  const { token, confirmed } = useInviteToken();
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const role = (me: Me) => s(`sync.role.${me.role}`);

  const accept = async (invite: Me) => {
    if (token === null) return;
    setStep({ kind: 'signingIn' });
    try {
      await (await loadJoin()).acceptInvite(token, invite);
      setStep({ kind: 'connected', me: invite });
    } catch (error) {
      console.warn('join: sign-in failed', error);
      setStep({ kind: 'failed' });
    }
  };

  useEffect(() => {
    let current = true;
    setStep({ kind: 'checking' });
    void loadJoin()
      .then((join) => join.assessInvite(token))
      .then((decision) => {
        if (!current) return;
        // The person already confirmed this very account before the previous one was removed.
        if (decision.kind === 'ask' && confirmed !== null && decision.invite.tokenId === confirmed)
          void accept(decision.invite);
        else setStep({ kind: 'decided', decision });
      })
      .catch((error: unknown) => {
        console.warn('join: the invitation could not be checked', error);
        if (current) setStep({ kind: 'failed' });
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- checked again only when asked to
  }, [token, attempt]);

  // Each answer replaces the previous one: keyboard and screen-reader users continue from the heading.
  useEffect(() => {
    if (step.kind !== 'checking') heading.current?.focus();
  }, [step.kind]);

  const switchAccount = async (invite: Me, run: 'remove' | 'retry') => {
    if (token === null) return;
    setStep({ kind: 'switching' });
    try {
      const join = await loadJoin();
      const outcome = run === 'remove' ? await join.removePreviousAccount() : await join.retryRemoval();
      if (outcome.kind === 'removed') {
        // A fresh page: nothing of the previous account stays in memory; it signs in as confirmed.
        carryInvite(token, invite.tokenId);
        openFresh(routes.join);
      } else if (outcome.kind === 'blocked')
        setStep({
          kind: 'decided',
          decision: { kind: 'blocked', invite, current: null, waiting: outcome.waiting },
        });
      else setStep({ kind: 'incomplete', blocked: outcome.blocked, invite });
    } catch (error) {
      console.warn('join: switching account failed', error);
      setStep({ kind: 'failed' });
    }
  };

  const toHome = (
    <p>
      {/* Before the first-run setup the home route is the setup screen: say so. */}
      <a class="button button--primary" href={link.home()}>
        {profile ? s('join.toMissions') : s('join.toSetup')}
      </a>
    </p>
  );
  const cancel = (
    <button type="button" onClick={() => setStep({ kind: 'cancelled' })}>
      {common('action.cancel')}
    </button>
  );

  const body = () => {
    switch (step.kind) {
      case 'checking':
        return <p role="status">{t('joinInvite.checking')}</p>;
      case 'signingIn':
        return <p role="status">{t('joinInvite.signingIn')}</p>;
      case 'switching':
        return <p role="status">{t('joinInvite.switching')}</p>;
      case 'connected':
        return (
          <>
            <p class="banner banner--info" role="status">
              {s('join.connected', { name: step.me.name, role: role(step.me) })}
            </p>
            {toHome}
          </>
        );
      case 'cancelled':
        return (
          <>
            <p class="banner banner--info" role="status">
              {t('joinInvite.cancelled')}
            </p>
            {toHome}
          </>
        );
      case 'failed':
        return (
          <>
            <p class="banner banner--error" role="alert">
              {s('join.failed')}
            </p>
            {toHome}
          </>
        );
      case 'incomplete':
        return (
          <div class="banner banner--error" role="alert">
            <p>{s(step.blocked ? 'sync.remove.blocked' : 'sync.remove.incomplete')}</p>
            <button
              type="button"
              class="button--danger"
              onClick={() => void switchAccount(step.invite, 'retry')}
            >
              {s('sync.remove.retry')}
            </button>
          </div>
        );
      case 'decided':
        return decisionView(step.decision);
    }
  };

  const decisionView = (decision: JoinDecision) => {
    switch (decision.kind) {
      case 'noToken':
        return (
          <>
            <p class="banner banner--warn">{s('join.noToken')}</p>
            {toHome}
          </>
        );
      case 'invalid':
        return (
          <>
            <p class="banner banner--error" role="alert">
              {s('join.refused')}
            </p>
            {toHome}
          </>
        );
      case 'unreachable':
        return (
          <>
            <p class="banner banner--warn" role="alert">
              {t('joinInvite.unreachable')}
            </p>
            <div class="form-actions">
              <button type="button" class="button--primary" onClick={() => setAttempt((n) => n + 1)}>
                {t('joinInvite.retry')}
              </button>
              {cancel}
            </div>
          </>
        );
      case 'already':
        return (
          <>
            <p class="banner banner--info" role="status">
              {decision.invite === null
                ? t('joinInvite.already')
                : t('joinInvite.alreadyAs', { name: decision.invite.name, role: role(decision.invite) })}
            </p>
            {toHome}
          </>
        );
      case 'ask':
        return (
          <>
            <p>{t('joinInvite.asks', { name: decision.invite.name, role: role(decision.invite) })}</p>
            <div class="form-actions">
              <button type="button" class="button--primary" onClick={() => void accept(decision.invite)}>
                {t('joinInvite.signIn')}
              </button>
              {cancel}
            </div>
          </>
        );
      case 'blocked':
        return (
          <>
            <Identities current={decision.current} invite={decision.invite} />
            <div class="banner banner--warn" role="alert">
              <p>{t('joinInvite.blocked')}</p>
              <WaitingList waiting={decision.waiting} />
              <p>{t('joinInvite.blockedAdvice')}</p>
            </div>
            {toHome}
          </>
        );
      case 'confirmSwitch':
        return (
          <>
            <Identities current={decision.current} invite={decision.invite} />
            <p>{t('joinInvite.confirmSwitch', { name: decision.invite.name })}</p>
            <div class="form-actions">
              <button
                type="button"
                class="button--danger"
                onClick={() => void switchAccount(decision.invite, 'remove')}
              >
                {t('joinInvite.switch', { name: decision.invite.name })}
              </button>
              {cancel}
            </div>
          </>
        );
    }
  };

  return (
    <section class="screen join">
      <h1 tabIndex={-1} ref={heading}>
        {s('join.title')}
      </h1>
      {body()}
    </section>
  );
}
