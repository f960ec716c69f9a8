import type { ScreenOverview } from '@baruga/protocol';
import { Slug } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { ErrorNote } from '../ui/feedback';
import { TextField } from '../ui/fields';

/** The groups a screen belongs to, which events and announcements can target. */
export function ScreenGroups({ screen }: { screen: ScreenOverview }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const typed = draft ?? screen.groups.join(', ');
  const groups = typed
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const bad = groups.some((g) => !Slug.safeParse(g).success);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (bad) return;
    try {
      await api.setGroups(screen.screenId, groups);
      setDraft(null);
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form className="bc-form bc-form--inline" onSubmit={submit} noValidate>
      <TextField
        label={t('groupsLabel')}
        name="groups"
        value={typed}
        onChange={setDraft}
        hint={t('groupsHint')}
        error={bad ? t('badGroups') : null}
      />
      <button type="submit" className="bc-button bc-button--quiet" disabled={draft === null}>
        {t('saveGroups')}
      </button>
      {failure ? <ErrorNote error={failure} /> : null}
    </form>
  );
}
