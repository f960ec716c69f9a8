import { type ReactNode, useId, useState } from 'react';
import { useLang, useT } from '../i18n/catalogue';
import { formatDay } from '../i18n/format';
import { Data } from './feedback';
import { parseDate, parseTime, showDate, showTime } from './date-input';

/**
 * Labelled form controls with the console's own messages: forms set `noValidate`, so the browser's own bubbles
 * ("Please fill out this field.", in the browser's language) never appear; a field shows its error under itself
 * and tells assistive technology (aria-invalid, aria-describedby).
 */
export function Field({
  label,
  error,
  hint,
  children,
  className,
}: {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className={`bc-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(error || hint ? { 'aria-describedby': messageId } : {}),
      })}
      {error ? (
        <p className="bc-field__error" id={messageId}>
          {error}
        </p>
      ) : hint ? (
        <p className="bc-field__hint" id={messageId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
  name?: string;
  autoComplete?: string;
  type?: 'text' | 'password' | 'search';
  placeholder?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(control) =>
        props.multiline ? (
          <textarea
            {...control}
            name={props.name}
            rows={props.rows ?? 3}
            maxLength={props.maxLength}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        ) : (
          <input
            {...control}
            name={props.name}
            type={props.type ?? 'text'}
            autoComplete={props.autoComplete}
            maxLength={props.maxLength}
            placeholder={props.placeholder}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function NumberField(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  name?: string;
  hint?: ReactNode;
}) {
  const t = useT();
  const [draft, setDraft] = useState(String(props.value));
  const shown = Number(draft) === props.value ? draft : String(props.value);
  const n = Number(shown);
  const bad = shown.trim() === '' || !Number.isFinite(n) || n < props.min || n > props.max;
  return (
    <Field
      label={props.label}
      error={bad ? t('numberBetween', { min: props.min, max: props.max }) : null}
      hint={props.hint}
    >
      {(control) => (
        <input
          {...control}
          name={props.name}
          inputMode="numeric"
          type="text"
          value={shown}
          onChange={(e) => {
            setDraft(e.target.value);
            const value = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(value) && value >= props.min && value <= props.max) {
              props.onChange(value);
            }
          }}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string; data?: boolean }[];
  onChange: (value: T) => void;
  name?: string;
  error?: string | null;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          value={props.value}
          onChange={(e) => {
            const picked = props.options.find((o) => o.value === e.target.value);
            if (picked) props.onChange(picked.value);
          }}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value} translate={o.data ? 'no' : undefined}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}) {
  return (
    <label className="bc-check">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/**
 * A date, day first (`06/12/2026`) in both languages, whatever the browser's locale (a native date input shows
 * the browser's order, month first in an English browser). The day it names is written out beside it.
 */
export function DateField(props: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  name?: string;
  required?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft ?? (props.value ? showDate(props.value) : '');
  const parsed = parseDate(typed);
  const error = typed.trim() === '' ? (props.required ? t('required') : null) : parsed === null ? t('badDate') : null;
  const day = parsed ? formatDay(Date.parse(`${parsed}T12:00:00Z`), 'UTC', lang) : null;
  return (
    <Field
      label={props.label}
      error={draft === null && !props.required ? null : error}
      hint={day ? <Data>{day}</Data> : null}
    >
      {(control) => (
        <input
          {...control}
          name={props.name}
          className="bc-input--date"
          inputMode="numeric"
          placeholder={t('datePlaceholder')}
          value={typed}
          onChange={(e) => {
            setDraft(e.target.value);
            props.onChange(parseDate(e.target.value));
          }}
          onBlur={() => {
            if (parsed) setDraft(null);
          }}
        />
      )}
    </Field>
  );
}

/** A time of day, `08.00` in Indonesian and `08:00` in English; a dot or a colon both work when typing. */
export function TimeField(props: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  name?: string;
  allow24?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft ?? (props.value ? showTime(props.value, lang) : '');
  const parsed = parseTime(typed, props.allow24);
  const error = typed.trim() === '' ? t('required') : parsed === null ? t('badTime') : null;
  return (
    <Field label={props.label} error={draft === null ? null : error}>
      {(control) => (
        <input
          {...control}
          name={props.name}
          className="bc-input--time"
          inputMode="numeric"
          placeholder={t('timePlaceholder')}
          value={typed}
          onChange={(e) => {
            setDraft(e.target.value);
            props.onChange(parseTime(e.target.value, props.allow24));
          }}
          onBlur={() => {
            if (parsed) setDraft(null);
          }}
        />
      )}
    </Field>
  );
}
