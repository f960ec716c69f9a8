import type { PanelModel } from '@baruga/protocol';
import { useT } from '../i18n/catalogue';

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** A panel model's fields: native pixels, the active (lit) area in mm and the four bezels in mm. */
export function PanelFields({ panel, onChange }: { panel: PanelModel; onChange: (panel: PanelModel) => void }) {
  const t = useT();
  const num = (value: string) => (value === '' ? 0 : Number(value));
  return (
    <div className="bw-panel-fields">
      <label>
        {t('wallPanelPixels')}
        <span className="bw-pair">
          <input
            type="number"
            min={16}
            max={16384}
            value={panel.widthPx}
            aria-label={t('wallPanelWidthPx')}
            onChange={(e) => onChange({ ...panel, widthPx: num(e.target.value) })}
          />
          ×
          <input
            type="number"
            min={16}
            max={16384}
            value={panel.heightPx}
            aria-label={t('wallPanelHeightPx')}
            onChange={(e) => onChange({ ...panel, heightPx: num(e.target.value) })}
          />
        </span>
      </label>
      <label>
        {t('wallActiveMm')}
        <span className="bw-pair">
          <input
            type="number"
            step="0.1"
            min={0.1}
            value={panel.activeWidthMm}
            aria-label={t('wallActiveWidthMm')}
            onChange={(e) => onChange({ ...panel, activeWidthMm: num(e.target.value) })}
          />
          ×
          <input
            type="number"
            step="0.1"
            min={0.1}
            value={panel.activeHeightMm}
            aria-label={t('wallActiveHeightMm')}
            onChange={(e) => onChange({ ...panel, activeHeightMm: num(e.target.value) })}
          />
        </span>
      </label>
      <fieldset className="bw-bezels">
        <legend>{t('wallBezelMm')}</legend>
        {SIDES.map((side) => (
          <label key={side}>
            {t(`wallBezel_${side}`)}
            <input
              type="number"
              step="0.05"
              min={0}
              max={500}
              value={panel.bezelMm[side]}
              onChange={(e) => onChange({ ...panel, bezelMm: { ...panel.bezelMm, [side]: num(e.target.value) } })}
            />
          </label>
        ))}
      </fieldset>
    </div>
  );
}
