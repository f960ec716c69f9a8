import { type ReactNode, useCallback, useState } from 'react';

/**
 * Replaces what it shows without a gap: a new `target` is mounted out of sight and takes over only
 * when it reports it is live (its first items loaded and decoded); until then the old one plays on.
 * Used for zones whose content changed and for layouts the schedule switches to.
 */
export function Switcher<T>(props: {
  targetKey: string;
  target: T;
  render: (value: T, onLive: () => void) => ReactNode;
}) {
  const [entries, setEntries] = useState<{ key: string; value: T; live: boolean }[]>(() => [
    { key: props.targetKey, value: props.target, live: false },
  ]);
  const last = entries[entries.length - 1];
  if (last && last.key === props.targetKey && last.value !== props.target) {
    // Same identity, new value (a layout whose zones changed): the child updates in place.
    setEntries(entries.map((e) => (e === last ? { ...e, value: props.target } : e)));
  } else if (last && last.key !== props.targetKey) {
    // A newer target replaces one still preparing; the one on screen stays until the newest is live.
    const onScreen = entries.filter((e) => e.live);
    setEntries([...onScreen, { key: props.targetKey, value: props.target, live: false }]);
  }
  const onLive = useCallback((key: string) => {
    setEntries((list) => {
      const at = list.findIndex((e) => e.key === key);
      if (at < 0) return list;
      return list.slice(at).map((e, i) => (i === 0 ? { ...e, live: true } : e));
    });
  }, []);
  return (
    <>
      {entries.map((e) => (
        <div key={e.key} className={e.live ? 'bg-switch bg-switch--live' : 'bg-switch bg-switch--preparing'}>
          {props.render(e.value, () => onLive(e.key))}
        </div>
      ))}
    </>
  );
}
