import { WidgetBaseFields } from '../../browser/data-editor-fields';
import { Choice, NumberInput } from '../../browser/editor-fields';
import type { ContentEditorProps } from '../../browser/editor-props';
import { type EditorTextKey, editorWord } from '../../browser/editor-text';
import type { ComplaintsDashboardProps } from './index';

const BREAKDOWNS = [
  { value: 'cycle', word: 'breakdownCycle' },
  { value: 'topic', word: 'breakdownTopic' },
  { value: 'agency', word: 'breakdownAgency' },
  { value: 'district', word: 'breakdownDistrict' },
] as const;

export function ComplaintsDashboardEditor({ value, onChange, lang }: ContentEditorProps<ComplaintsDashboardProps>) {
  const w = (key: EditorTextKey) => editorWord(lang, key);
  const targets = value.targets;
  return (
    <fieldset className="bg-editor" data-editor="complaints-dashboard">
      <WidgetBaseFields value={value} lang={lang} onChange={onChange} />
      <Choice
        label={w('breakdown')}
        value={value.breakdown}
        options={BREAKDOWNS.map((b) => ({ value: b.value, label: w(b.word) }))}
        onChange={(breakdown) => onChange({ ...value, breakdown })}
      />
      <NumberInput
        label={w('resolvedTarget')}
        value={targets.resolvedPct}
        min={0}
        max={100}
        onChange={(resolvedPct) => onChange({ ...value, targets: { ...targets, resolvedPct } })}
      />
      <NumberInput
        label={w('amberLine')}
        value={targets.amberPct}
        min={0}
        max={targets.resolvedPct}
        onChange={(amberPct) => onChange({ ...value, targets: { ...targets, amberPct } })}
      />
      <NumberInput
        label={w('stalledMax')}
        value={targets.stalledPct}
        min={0}
        max={100}
        onChange={(stalledPct) => onChange({ ...value, targets: { ...targets, stalledPct } })}
      />
    </fieldset>
  );
}
