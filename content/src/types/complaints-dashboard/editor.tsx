import { WidgetBaseFields } from '../../browser/data-editor-fields';
import { Choice, NumberInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import type { ComplaintsDashboardProps } from './index';

const BREAKDOWNS = [
  { value: 'cycle', label: 'Bergantian · In turn' },
  { value: 'topic', label: 'Per topik · By topic' },
  { value: 'agency', label: 'Per instansi · By agency' },
  { value: 'district', label: 'Per wilayah · By district' },
] as const;

export function ComplaintsDashboardEditor({ value, onChange }: ContentEditorProps<ComplaintsDashboardProps>) {
  const targets = value.targets;
  return (
    <fieldset className="bg-editor" data-editor="complaints-dashboard">
      <WidgetBaseFields value={value} onChange={onChange} />
      <Choice
        label="Rincian · Breakdown"
        value={value.breakdown}
        options={BREAKDOWNS}
        onChange={(breakdown) => onChange({ ...value, breakdown })}
      />
      <NumberInput
        label="Target selesai (%) · Resolved target (%)"
        value={targets.resolvedPct}
        min={0}
        max={100}
        onChange={(resolvedPct) => onChange({ ...value, targets: { ...targets, resolvedPct } })}
      />
      <NumberInput
        label="Batas kuning (%) · Amber line (%)"
        value={targets.amberPct}
        min={0}
        max={targets.resolvedPct}
        onChange={(amberPct) => onChange({ ...value, targets: { ...targets, amberPct } })}
      />
      <NumberInput
        label="Tertunda paling banyak (%) · Stalled at most (%)"
        value={targets.stalledPct}
        min={0}
        max={100}
        onChange={(stalledPct) => onChange({ ...value, targets: { ...targets, stalledPct } })}
      />
    </fieldset>
  );
}
