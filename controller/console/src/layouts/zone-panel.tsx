import type { PlaylistView } from '@baruga/protocol';
import { ANNOUNCEMENT_ID_PREFIX } from '@baruga/protocol';
import { useT } from '../i18n/catalogue';
import { type EditableItem, ItemList, editable } from '../playlists/item-list';
import { NumberField, SelectField } from '../ui/fields';
import type { Canvas, Rect } from './geometry';
import { whole } from './geometry';

export interface EditorZone {
  key: string;
  rect: Rect;
  z: number;
  transition: { kind: 'cut' | 'fade' | 'slide'; durationMs: number };
  items: EditableItem[];
}

/** The selected zone: its place by the pixel (for the keyboard), its layer and transition, and what it plays. */
export function ZonePanel({
  zone,
  index,
  canvas,
  playlists,
  onChange,
  onRemove,
}: {
  zone: EditorZone;
  index: number;
  canvas: Canvas;
  playlists: readonly PlaylistView[];
  onChange: (zone: EditorZone) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const place = (patch: Partial<Rect>) => onChange({ ...zone, rect: whole({ ...zone.rect, ...patch }, canvas) });
  const sources = playlists.filter((p) => !p.id.startsWith(ANNOUNCEMENT_ID_PREFIX));
  return (
    <section className="bc-zone-panel" aria-labelledby={`zone-${zone.key}-title`} data-zone-panel={index + 1}>
      <h3 id={`zone-${zone.key}-title`}>{t('zoneName', { n: index + 1 })}</h3>
      <div className="bc-form__row">
        <NumberField
          label={t('zoneX')}
          value={zone.rect.x}
          min={0}
          max={canvas.width - 1}
          onChange={(x) => place({ x })}
        />
        <NumberField
          label={t('zoneY')}
          value={zone.rect.y}
          min={0}
          max={canvas.height - 1}
          onChange={(y) => place({ y })}
        />
        <NumberField
          label={t('zoneWidth')}
          value={zone.rect.width}
          min={1}
          max={canvas.width}
          onChange={(width) => place({ width })}
        />
        <NumberField
          label={t('zoneHeight')}
          value={zone.rect.height}
          min={1}
          max={canvas.height}
          onChange={(height) => place({ height })}
        />
      </div>
      <div className="bc-form__row">
        <NumberField
          label={t('zoneOrder')}
          value={zone.z}
          min={0}
          max={1000}
          onChange={(z) => onChange({ ...zone, z })}
        />
        <SelectField
          label={t('transition')}
          value={zone.transition.kind}
          onChange={(kind) => onChange({ ...zone, transition: { ...zone.transition, kind } })}
          options={[
            { value: 'cut', label: t('transitionCut') },
            { value: 'fade', label: t('transitionFade') },
            { value: 'slide', label: t('transitionSlide') },
          ]}
        />
        {zone.transition.kind === 'cut' ? null : (
          <NumberField
            label={t('transitionMs')}
            value={zone.transition.durationMs}
            min={0}
            max={5000}
            onChange={(durationMs) => onChange({ ...zone, transition: { ...zone.transition, durationMs } })}
          />
        )}
      </div>
      <SelectField
        label={t('fillFromPlaylist')}
        name={`zone-${index + 1}-playlist`}
        value=""
        onChange={(id) => {
          const playlist = sources.find((p) => p.id === id);
          if (!playlist) return;
          onChange({
            ...zone,
            items: playlist.items.map((i) =>
              editable({ type: i.type, durationMs: i.durationMs, props: i.props, sample: i.sample }),
            ),
          });
        }}
        options={[
          { value: '', label: t('pickPlaylist') },
          ...sources.map((p) => ({ value: p.id, label: p.name, data: true })),
        ]}
      />
      <p className="bc-muted">{t('fillHint')}</p>
      <h4>{t('zoneItems', { n: index + 1 })}</h4>
      <ItemList items={zone.items} onChange={(items) => onChange({ ...zone, items })} />
      <button type="button" className="bc-button bc-button--quiet bc-button--danger-text" onClick={onRemove}>
        {t('removeZone')}
      </button>
    </section>
  );
}
