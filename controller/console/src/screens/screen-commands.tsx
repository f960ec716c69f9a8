import type { CommandName, CommandView, ScreenOverview } from '@baruga/protocol';
import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { formatWhen } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { Data, ErrorNote } from '../ui/feedback';
import { failureText } from '../ui/failure';
import { ApiFailure } from '../api/client';

const LABEL: Record<CommandName, TextKey> = {
  reload: 'cmdReload',
  screenshot: 'cmdScreenshot',
  blackout: 'cmdBlackout',
  restore: 'cmdRestore',
  identify: 'cmdIdentify',
  'clear-cache': 'cmdClearCache',
  'restart-host': 'cmdRestartHost',
};

const STATE: Record<CommandView['state'], TextKey> = {
  pending: 'cmdPending',
  sent: 'cmdSent',
  ok: 'cmdOk',
  failed: 'cmdFailed',
  expired: 'cmdExpired',
};

/** Commands a plain browser tab cannot carry out: offered only to screens an Electron or Chromium host drives. */
const NEEDS_HOST: readonly CommandName[] = ['screenshot', 'restart-host'];

/** What a command's outcome says, from the catalogue by its code (the player's own message is English). */
function Outcome({ command }: { command: CommandView }) {
  const t = useT();
  const lang = useLang();
  const failed = command.state === 'failed' || command.state === 'expired';
  const sentence =
    failed && command.code
      ? failureText(new ApiFailure(0, { code: command.code, message: command.message ?? '' }), lang).sentence
      : null;
  return (
    <>
      {t(LABEL[command.name])}: {t(STATE[command.state])}
      {sentence ? <span className="bc-muted"> · {sentence}</span> : null}
    </>
  );
}

/**
 * Remote commands and their acknowledgements. What blacks out, wipes or restarts a screen asks first and says
 * what it will do (a public videotron says so in red); what a browser tab cannot do is not offered, with why.
 */
export function ScreenCommands({ screen }: { screen: ScreenOverview }) {
  const t = useT();
  const lang = useLang();
  const { loaded, reload } = useLoad(() => api.commands(screen.screenId), [screen.screenId], ['delivery']);
  const [asking, setAsking] = useState<CommandName | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const tabOnly = screen.hostKind === 'browser' || screen.hostKind === null;
  const offered = (Object.keys(LABEL) as CommandName[]).filter(
    (name) => !(tabOnly && NEEDS_HOST.includes(name)) && name !== (screen.blackout ? 'blackout' : 'restore'),
  );

  const send = async (name: CommandName) => {
    setAsking(null);
    setFailure(null);
    try {
      await api.command(screen.screenId, { name });
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const confirmText: Partial<Record<CommandName, { title: TextKey; body: TextKey }>> = {
    blackout: { title: 'confirmBlackoutTitle', body: screen.public ? 'confirmBlackoutPublic' : 'confirmBlackout' },
    'clear-cache': { title: 'confirmClearCacheTitle', body: 'confirmClearCache' },
    'restart-host': { title: 'confirmRestartTitle', body: 'confirmRestart' },
  };
  const confirming = asking ? confirmText[asking] : undefined;
  const commands = loaded.state === 'ok' ? loaded.value.slice(0, 5) : [];

  return (
    <section className="bc-card" aria-labelledby="commands-title">
      <h2 id="commands-title">{t('commands')}</h2>
      <p className="bc-muted">{t('commandsHelp')}</p>
      <div className="bc-commands">
        {offered.map((name) => (
          <button
            key={name}
            type="button"
            className={confirmText[name] ? 'bc-button bc-button--caution' : 'bc-button bc-button--quiet'}
            onClick={() => (confirmText[name] ? setAsking(name) : void send(name))}
          >
            {t(LABEL[name])}
          </button>
        ))}
      </div>
      {tabOnly ? <p className="bc-note">{t('screenshotUnsupported')}</p> : null}
      {failure ? <ErrorNote error={failure} /> : null}
      <h3>{t('recentCommands')}</h3>
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' && commands.length === 0 ? <p className="bc-muted">{t('noCommands')}</p> : null}
      <ol className="bc-list" aria-label={t('recentCommands')}>
        {commands.map((c) => (
          <li key={c.id} data-command={c.name} data-state={c.state}>
            <span>
              <Outcome command={c} />
            </span>
            <Data className="bc-muted">{formatWhen(Date.parse(c.issuedAt), screen.timezone, lang)}</Data>
          </li>
        ))}
      </ol>
      {asking && confirming ? (
        <ConfirmDialog
          title={t(confirming.title)}
          body={<p>{t(confirming.body, { name: screen.name })}</p>}
          confirm={t(LABEL[asking])}
          danger
          onConfirm={() => void send(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}
