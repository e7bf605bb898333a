// A coordinator invites another device: role, name and missions → a token as a link, a copy button and a QR code.
import { useId, useState } from 'preact/hooks';
import { renderSVG } from 'uqr';
import type { ValidationCode } from '../../domain/validation.ts';
import { getDb } from '../../storage/db.ts';
import {
  createInvite,
  InviteError,
  inviteLink,
  type InviteRequest,
  type Session,
} from '../../sync/account.ts';
import { syncScreens, type SyncScreenKey } from '../i18n/messages/syncScreens.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { SelectField, TextField } from './fields.tsx';

type Role = InviteRequest['role'];

/** The QR code as an image: its SVG text is data for an <img>, never markup put into the page. */
export function qrImageSource(text: string): string {
  // A 4-module quiet zone, as the QR standard asks: cheap phone cameras need it.
  const svg = renderSVG(text, { ecc: 'M', border: 4, pixelSize: 8 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function failureKey(error: unknown): SyncScreenKey {
  const status = error instanceof InviteError ? error.status : 0;
  if (status === 401 || status === 403) return 'invite.failed.forbidden';
  return status === 0 ? 'invite.failed.unreachable' : 'invite.failed.other';
}

function MissionChoice(props: { selected: string[]; onChange: (selected: string[]) => void }) {
  const t = useMessages(syncScreens);
  const { data: missions } = useLiveQuery(
    () => getDb().missions.where('deleted').equals(0).sortBy('title'),
    [],
  );
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((value) => value !== id));
  return (
    <fieldset class="invite__missions">
      <legend>{t('invite.missions')}</legend>
      {missions?.length === 0 && <p class="field__hint">{t('invite.noMissions')}</p>}
      {missions?.map((mission) => (
        <label class="checkbox" key={mission.id}>
          <input
            type="checkbox"
            checked={props.selected.includes(mission.id)}
            onChange={(e) => toggle(mission.id, e.currentTarget.checked)}
          />
          {mission.title}
        </label>
      ))}
    </fieldset>
  );
}

function InviteResult({ link, onAnother }: { link: string; onAnother: () => void }) {
  const t = useMessages(syncScreens);
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="invite__result">
      <div class="field">
        <label for={id}>{t('invite.link')}</label>
        {/* Read-only and selected on focus: copying by hand must work where the clipboard API does not. */}
        <input id={id} type="url" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <p>
        <button type="button" class="button--primary" onClick={() => void copy()}>
          {t('invite.copy')}
        </button>
      </p>
      {copied !== null && (
        <p class={copied ? 'banner banner--info' : 'banner banner--warn'} role="status">
          {copied ? t('invite.copied') : t('invite.copyFailed')}
        </p>
      )}
      <img class="invite__qr" src={qrImageSource(link)} alt={t('invite.qr')} width={240} height={240} />
      <p class="field__hint">{t('invite.scan')}</p>
      <p>
        <button type="button" onClick={onAnother}>
          {t('invite.another')}
        </button>
      </p>
    </div>
  );
}

export function InviteDevice({ session }: { session: Session }) {
  const t = useMessages(syncScreens);
  const [role, setRole] = useState<Role>('technician');
  const [name, setName] = useState('');
  const [missions, setMissions] = useState<string[]>([]);
  const [nameError, setNameError] = useState<ValidationCode | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SyncScreenKey | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError('required');
      return;
    }
    setNameError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      const created = await createInvite(session, { role, name: name.trim(), missions });
      setLink(inviteLink(session.server.trim() || window.location.origin, created.token));
    } catch (error) {
      setFailure(failureKey(error));
    } finally {
      setBusy(false);
    }
  };

  const another = () => {
    setLink(null);
    setName('');
    setMissions([]);
  };

  if (link !== null) return <InviteResult link={link} onAnother={another} />;
  return (
    <form class="invite" onSubmit={(e) => void submit(e)} noValidate>
      <p class="field__hint">{t('invite.intro')}</p>
      <SelectField
        label={t('invite.role')}
        value={role}
        options={[
          { value: 'technician', label: t('sync.role.technician') },
          { value: 'observer', label: t('sync.role.observer') },
        ]}
        onChange={(value) => setRole(value === 'observer' ? 'observer' : 'technician')}
      />
      <TextField label={t('invite.name')} value={name} onInput={setName} error={nameError} />
      <MissionChoice selected={missions} onChange={setMissions} />
      {failure && (
        <p class="banner banner--error" role="alert">
          {t(failure)}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button--primary" disabled={busy}>
          {busy ? t('invite.creating') : t('invite.create')}
        </button>
      </div>
    </form>
  );
}
