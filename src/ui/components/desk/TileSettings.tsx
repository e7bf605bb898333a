// Settings: the map's tile address on this device, and the way to the severity screen.
import { useEffect, useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { loadTileUrl, saveTileUrl } from '../../../storage/mapSettings.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';

export function TileSettings() {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');

  useEffect(() => {
    // Unreadable (the database closing as the device's data is removed): the built-in address stays shown.
    loadTileUrl()
      .then(setValue)
      .catch((error: unknown) => console.warn('could not read the map settings', error));
  }, []);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setState((await saveTileUrl(value)) ? 'saved' : 'invalid');
  };

  return (
    <section aria-labelledby="settings-tiles">
      <h2 id="settings-tiles">{t('settings.tiles.heading')}</h2>
      <p>
        <a class="button" href={link.severity()}>
          {t('nav.severity')}
        </a>
      </p>
      <form onSubmit={(event) => void submit(event)}>
        <div class={state === 'invalid' ? 'field field--invalid' : 'field'}>
          <label for={id}>{t('settings.tiles.label')}</label>
          <p class="field__hint" id={`${id}-hint`}>
            {t('settings.tiles.hint')}
          </p>
          <input
            id={id}
            name="tileUrl"
            // Text, not "url": the app says what is wrong, in its language, rather than the browser.
            type="text"
            inputMode="url"
            spellcheck={false}
            autoCapitalize="off"
            autoComplete="off"
            value={value}
            aria-invalid={state === 'invalid' ? true : undefined}
            aria-describedby={state === 'invalid' ? `${id}-hint ${id}-error` : `${id}-hint`}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setState('idle');
            }}
          />
          {state === 'invalid' && (
            <p class="field__error" id={`${id}-error`} role="alert">
              {t('settings.tiles.invalid')}
            </p>
          )}
        </div>
        <button type="submit" class="button">
          {t('settings.tiles.save')}
        </button>
        {state === 'saved' && (
          <p class="banner banner--info" role="status">
            {t('settings.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
