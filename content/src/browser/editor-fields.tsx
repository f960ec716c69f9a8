import { type ReactNode, useState } from 'react';
import type { PickedAsset } from './editor-props';
import { type EditorLang, editorWord } from './editor-text';

/** Small labelled inputs the content editors share; labels come in the console's language (editor-text.ts). */

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="bg-field">
      <span className="bg-field__label">{label}</span>
      {children}
      {hint ? <small className="bg-field__hint">{hint}</small> : null}
    </label>
  );
}

export function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  multiline?: boolean;
  placeholder?: string;
  type?: 'text' | 'url';
  hint?: string;
}) {
  const common = {
    value: props.value,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
  };
  return (
    <Field label={props.label} hint={props.hint}>
      {props.multiline ? <textarea rows={3} {...common} /> : <input type={props.type ?? 'text'} {...common} />}
    </Field>
  );
}

export function NumberInput(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  hint?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      <input
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (Number.isFinite(n)) props.onChange(Math.min(props.max, Math.max(props.min, n)));
        }}
      />
    </Field>
  );
}

export function Toggle(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="bg-field bg-field--toggle">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span className="bg-field__label">{props.label}</span>
    </label>
  );
}

export function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <Field label={props.label}>
      <select
        value={props.value}
        onChange={(e) => {
          const picked = props.options.find((o) => o.value === e.target.value);
          if (picked) props.onChange(picked.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

const FIT_LABELS = { cover: 'fitCover', contain: 'fitContain', fill: 'fitFill' } as const;

/** How a picture or a video fills its zone; `fits` lists the ones the type allows, in the order offered. */
export function FitChoice<T extends keyof typeof FIT_LABELS>(props: {
  lang: EditorLang;
  value: T;
  fits: readonly T[];
  onChange: (value: T) => void;
}) {
  return (
    <Choice
      label={editorWord(props.lang, 'fit')}
      value={props.value}
      options={props.fits.map((fit) => ({ value: fit, label: editorWord(props.lang, FIT_LABELS[fit]) }))}
      onChange={props.onChange}
    />
  );
}

export function ColourInput(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field label={props.label}>
      <input type="color" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </Field>
  );
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A library asset: the console's picker when it offers one, else the digest itself. */
export function AssetInput(props: {
  lang: EditorLang;
  label: string;
  kind: 'image' | 'video';
  value: string;
  onPicked: (picked: PickedAsset) => void;
  pickAsset?: (kind: 'image' | 'video') => Promise<PickedAsset | null>;
  assetUrl?: (sha256: string) => string;
}) {
  const { pickAsset, assetUrl } = props;
  const [preview, setPreview] = useState<string | null>(null);
  // A group, not a <label>: a label around the button would rename it to the field's name, and the button must
  // be called what it says.
  return (
    <div className="bg-field" role="group" aria-label={props.label}>
      <span className="bg-field__label">{props.label}</span>
      {assetUrl && preview && SHA256.test(preview) ? (
        <img className="bg-field__preview" src={assetUrl(preview)} alt="" width={160} />
      ) : null}
      {pickAsset ? (
        <button
          type="button"
          onClick={() => {
            void pickAsset(props.kind).then((picked) => {
              if (!picked) return;
              setPreview(picked.thumbnail ?? null);
              props.onPicked(picked);
            });
          }}
        >
          {editorWord(props.lang, 'chooseFromLibrary')}
        </button>
      ) : (
        <input
          type="text"
          aria-label={editorWord(props.lang, 'assetDigest')}
          value={props.value}
          pattern="[0-9a-f]{64}"
          spellCheck={false}
          onChange={(e) => props.onPicked({ asset: e.target.value.trim().toLowerCase() })}
        />
      )}
    </div>
  );
}
