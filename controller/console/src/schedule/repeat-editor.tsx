import type { Weekday } from '@baruga/protocol';
import { type TextKey, useT } from '../i18n/catalogue';
import { Data } from '../ui/feedback';
import { DateField, SelectField } from '../ui/fields';
import { type Repeat, WEEKDAYS, toRrule } from './recurrence';

const KINDS: { kind: Repeat['kind']; label: TextKey }[] = [
  { kind: 'once', label: 'repeatOnce' },
  { kind: 'daily', label: 'repeatDaily' },
  { kind: 'weekdays', label: 'repeatWeekdays' },
  { kind: 'weekly', label: 'repeatWeekly' },
  { kind: 'monthly-date', label: 'repeatMonthlyDate' },
  { kind: 'monthly-nth', label: 'repeatMonthlyNth' },
];

const NTH: { value: '1' | '2' | '3' | '4' | '-1'; label: TextKey }[] = [
  { value: '1', label: 'nthFirst' },
  { value: '2', label: 'nthSecond' },
  { value: '3', label: 'nthThird' },
  { value: '4', label: 'nthFourth' },
  { value: '-1', label: 'nthLast' },
];

export const dayShort = (d: Weekday): TextKey => `weekday${d}`;
export const dayLong = (d: Weekday): TextKey => `weekdayLong${d}`;

/** A repeat picked from words (every weekday, the third Thursday…); the RRULE it makes is shown, never typed. */
export function RepeatEditor({
  repeat,
  until,
  onChange,
  problem,
}: {
  repeat: Repeat;
  until: string | null;
  onChange: (repeat: Repeat, until: string | null) => void;
  problem: boolean;
}) {
  const t = useT();
  const rule = toRrule(repeat, until);
  const kinds = repeat.kind === 'custom' ? [...KINDS, { kind: 'custom' as const, label: 'repeat' as TextKey }] : KINDS;
  const pick = (kind: Repeat['kind']) => {
    const next: Repeat =
      kind === 'weekly'
        ? { kind, days: ['MO'] }
        : kind === 'monthly-nth'
          ? { kind, nth: 1, day: 'MO' }
          : kind === 'custom'
            ? repeat
            : { kind };
    onChange(next, kind === 'once' ? null : until);
  };
  return (
    <fieldset className="bc-repeat">
      <legend>{t('repeat')}</legend>
      <SelectField
        label={t('repeat')}
        name="repeat"
        value={repeat.kind}
        onChange={pick}
        options={kinds.map((k) => ({ value: k.kind, label: t(k.label) }))}
      />
      {repeat.kind === 'weekly' ? (
        <fieldset className="bc-days">
          <legend>{t('repeatDays')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="bc-check">
              <input
                type="checkbox"
                checked={repeat.days.includes(d)}
                onChange={(e) =>
                  onChange(
                    {
                      kind: 'weekly',
                      days: e.target.checked ? [...repeat.days, d] : repeat.days.filter((x) => x !== d),
                    },
                    until,
                  )
                }
              />
              <span>{t(dayShort(d))}</span>
            </label>
          ))}
          {problem ? <p className="bc-field__error">{t('pickDay')}</p> : null}
        </fieldset>
      ) : null}
      {repeat.kind === 'monthly-nth' ? (
        <div className="bc-form__row">
          <SelectField
            label={t('repeatNth')}
            value={String(repeat.nth) as '1'}
            onChange={(v) => onChange({ ...repeat, nth: Number(v) as 1 }, until)}
            options={NTH.map((n) => ({ value: n.value as '1', label: t(n.label) }))}
          />
          <SelectField
            label={t('repeatWeekday')}
            value={repeat.day}
            onChange={(day) => onChange({ ...repeat, day }, until)}
            options={WEEKDAYS.map((d) => ({ value: d, label: t(dayLong(d)) }))}
          />
        </div>
      ) : null}
      {repeat.kind !== 'once' && repeat.kind !== 'custom' ? (
        <DateField label={t('repeatUntil')} name="until" value={until} onChange={(v) => onChange(repeat, v)} />
      ) : null}
      {rule ? (
        <p className="bc-muted">
          {t('rruleShown')}: <Data className="bc-code">{rule}</Data>
        </p>
      ) : null}
    </fieldset>
  );
}
