import { ColourInput, FitChoice, TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { HlsProps } from './index';

export function HlsEditor({ value, onChange, lang }: ContentEditorProps<HlsProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  return (
    <fieldset className="bg-editor" data-editor="hls">
      <TextInput
        label={w('streamUrl')}
        type="url"
        value={value.url}
        maxLength={2000}
        placeholder="https://…/index.m3u8"
        hint={w('streamHint')}
        onChange={(url) => onChange({ ...value, url: url.trim() })}
      />
      <FitChoice
        lang={lang}
        value={value.fit}
        fits={['contain', 'cover']}
        onChange={(fit) => onChange({ ...value, fit })}
      />
      <Toggle label={w('muted')} checked={value.muted} onChange={(muted) => onChange({ ...value, muted })} />
      <Toggle
        label={w('lowLatency')}
        checked={value.lowLatency}
        onChange={(lowLatency) => onChange({ ...value, lowLatency })}
      />
      <ColourInput
        label={w('background')}
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </fieldset>
  );
}
