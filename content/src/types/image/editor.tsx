import { AssetInput, ColourInput, FitChoice, NumberInput, TextInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { ImageProps } from './index';

export function ImageEditor({ value, onChange, pickAsset, assetUrl }: ContentEditorProps<ImageProps>) {
  const focal = value.focal ?? { x: 0.5, y: 0.5 };
  return (
    <fieldset className="bg-editor" data-editor="image">
      <AssetInput
        label="Gambar · Image"
        kind="image"
        value={value.asset}
        pickAsset={pickAsset}
        assetUrl={assetUrl}
        onPicked={(picked) => onChange({ ...value, asset: picked.asset })}
      />
      <FitChoice
        value={value.fit}
        fits={['cover', 'contain', 'fill']}
        onChange={(fit) => onChange({ ...value, fit })}
      />
      {value.fit === 'cover' ? (
        <>
          <NumberInput
            label="Titik fokus X (%) · Focal point X (%)"
            value={Math.round(focal.x * 100)}
            min={0}
            max={100}
            onChange={(x) => onChange({ ...value, focal: { ...focal, x: x / 100 } })}
          />
          <NumberInput
            label="Titik fokus Y (%) · Focal point Y (%)"
            value={Math.round(focal.y * 100)}
            min={0}
            max={100}
            onChange={(y) => onChange({ ...value, focal: { ...focal, y: y / 100 } })}
          />
        </>
      ) : null}
      <ColourInput
        label="Warna latar · Background"
        value={value.background}
        onChange={(background) => onChange({ ...value, background })}
      />
      <TextInput
        label="Teks alternatif · Alt text"
        value={value.alt}
        maxLength={300}
        onChange={(alt) => onChange({ ...value, alt })}
      />
    </fieldset>
  );
}
