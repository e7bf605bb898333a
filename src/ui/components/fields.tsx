// Labelled form controls with their error message, sized for thumbs (≥ 44 px) and read by screen readers.
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { ValidationCode } from '../../domain/validation.ts';
import { useI18n } from '../i18n/context.tsx';
import { FieldNotes, useHasNotes } from './marks/FieldNotes.tsx';

interface FieldProps {
  label: string;
  error?: ValidationCode | undefined;
  hint?: string;
  optional?: boolean;
  /** The field's path in its record ("title", "sectors.health.severity"): its marks are shown beside it. */
  path?: string;
}

function FieldShell(props: FieldProps & { id: string; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.optional && <span class="field__optional"> ({t('form.optional')})</span>}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p class="field__error" id={`${props.id}-error`} role="alert">
          {t(`validation.${props.error}`)}
        </p>
      )}
      {props.path !== undefined && <FieldNotes paths={[props.path]} id={`${props.id}-marks`} />}
    </div>
  );
}

function describedBy(id: string, props: FieldProps, noted = false): string | undefined {
  const ids = [
    props.hint ? `${id}-hint` : '',
    noted ? `${id}-marks` : '',
    props.error ? `${id}-error` : '',
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type InputProps = FieldProps & {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'search' | 'email';
  name?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  list?: string;
  inputMode?: JSX.HTMLAttributes['inputMode'];
};

export function TextField(props: InputProps) {
  const id = useId();
  const noted = useHasNotes(props.path);
  return (
    <FieldShell {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoFocus={props.autoFocus}
        disabled={props.disabled}
        list={props.list}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props, noted)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldShell>
  );
}

/** A count: the text typed is kept as typed, so "12a" can be shown as wrong instead of silently dropped. */
export function NumberField(props: Omit<InputProps, 'type' | 'inputMode'>) {
  return <TextField {...props} inputMode="numeric" />;
}

export function TextArea(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    rows?: number;
    name?: string;
    disabled?: boolean;
    autoFocus?: boolean;
  },
) {
  const id = useId();
  const noted = useHasNotes(props.path);
  return (
    <FieldShell {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        value={props.value}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props, noted)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & {
    value: string;
    options: Option[];
    onChange: (value: string) => void;
    name?: string;
    placeholder?: string;
    disabled?: boolean;
  },
) {
  const id = useId();
  const noted = useHasNotes(props.path);
  return (
    <FieldShell {...props} id={id}>
      <select
        id={id}
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props, noted)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Several choices as toggle chips (tags such as SDGs or themes). */
export function ChipGroup(
  props: FieldProps & {
    values: string[];
    options: Option[];
    onChange: (values: string[]) => void;
    disabled?: boolean;
  },
) {
  const id = useId();
  const noted = useHasNotes(props.path);
  const toggle = (value: string) =>
    props.onChange(
      props.values.includes(value) ? props.values.filter((v) => v !== value) : [...props.values, value],
    );
  return (
    <fieldset
      class={props.error ? 'field field--invalid chips' : 'field chips'}
      aria-describedby={describedBy(id, props, noted)}
    >
      <legend>{props.label}</legend>
      <div class="chips__list">
        {props.options.map((option) => (
          <button
            type="button"
            key={option.value}
            class="chip"
            aria-pressed={props.values.includes(option.value)}
            disabled={props.disabled}
            onClick={() => toggle(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {props.path !== undefined && <FieldNotes paths={[props.path]} id={`${id}-marks`} />}
    </fieldset>
  );
}
