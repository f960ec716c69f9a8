import { ColourInput, FitChoice, TextInput, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { HlsProps } from './index';

export function HlsEditor({ value, onChange }: ContentEditorProps<HlsProps>) {
  return (
    <fieldset className="bg-editor" data-editor="hls">
      <TextInput
        label="Alamat siaran (.m3u8) · Stream URL (.m3u8)"
        type="url"
        value={value.url}
        maxLength={2000}
        placeholder="https://…/index.m3u8"
        hint="Tambahkan lewat pustaka agar alamat diperiksa · Add it through the library to have it checked"
        onChange={(url) => onChange({ ...value, url: url.trim() })}
      />
      <FitChoice value={value.fit} fits={['contain', 'cover']} onChange={(fit) => onChange({ ...value, fit })} />
      <Toggle label="Tanpa suara · Muted" checked={value.muted} onChange={(muted) => onChange({ ...value, muted })} />
      <Toggle
        label="Latensi rendah (LL-HLS) · Low latency (LL-HLS)"
        checked={value.lowLatency}
        onChange={(lowLatency) => onChange({ ...value, lowLatency })}
      />
      <ColourInput
        label="Warna latar · Background"
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </fieldset>
  );
}
