import { AssetInput, ColourInput, FitChoice, Toggle } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { VideoProps } from './index';

export function VideoEditor({ value, onChange, pickAsset, assetUrl }: ContentEditorProps<VideoProps>) {
  return (
    <fieldset className="bg-editor" data-editor="video">
      <AssetInput
        label="Video · Video"
        kind="video"
        value={value.asset}
        pickAsset={pickAsset}
        assetUrl={assetUrl}
        onPicked={(picked) => onChange({ ...value, asset: picked.asset, poster: picked.poster ?? undefined })}
      />
      <FitChoice value={value.fit} fits={['contain', 'cover']} onChange={(fit) => onChange({ ...value, fit })} />
      <Toggle label="Tanpa suara · Muted" checked={value.muted} onChange={(muted) => onChange({ ...value, muted })} />
      <Toggle label="Ulangi · Loop" checked={value.loop} onChange={(loop) => onChange({ ...value, loop })} />
      <ColourInput
        label="Warna latar · Background"
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
    </fieldset>
  );
}
