import { UNSAFE_TEXT_CHARS } from '@baruga/protocol';

/**
 * Text from the database made safe for a terminal: every control, line-break or direction character is shown as
 * its escape (`\u001b`), so a name can neither repaint the screen with ANSI sequences nor forge a line of its own.
 * Names are refused with such characters today; rows written before that, or straight into SQLite, still print
 * harmlessly.
 */
export function printable(text: string): string {
  const unsafe = new RegExp(UNSAFE_TEXT_CHARS.source, 'gu');
  return text.replace(unsafe, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A URL without its password (BARUGA_MQTT_URL carries the controller's broker account). */
function redacted(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return text;
  }
}

export interface BannerInput {
  url: string;
  mqtt: { embeddedPort: number; tlsPort: number | null } | { externalUrl: string };
  dataDir: string;
  /** Set only on the very first start. */
  initialAdminPassword: string | null;
  /** The first screens (a province's fleet would print thousands of lines), and how many there are in all. */
  screens: readonly { id: string; name: string }[];
  screenCount?: number;
  readyJson: string;
}

/** What `npm start` prints: where to look, the admin password once, and one player URL per screen. */
export function startupBanner(input: BannerInput): string {
  const { url } = input;
  const lines = [
    '',
    '  Baruga berjalan · Baruga is running',
    '',
    `  Konsol operator / Operator console:  ${url}/`,
    `  Kesehatan / Health:                  ${url}/api/health`,
    'embeddedPort' in input.mqtt
      ? `  MQTT (tertanam/embedded):            ${
          input.mqtt.tlsPort !== null
            ? `mqtts://${new URL(url).hostname}:${input.mqtt.tlsPort}`
            : `mqtt://127.0.0.1:${input.mqtt.embeddedPort}`
        }  ·  ${url.replace(/^http/, 'ws')}/mqtt`
      : `  MQTT (eksternal/external):           ${printable(redacted(input.mqtt.externalUrl))}`,
    `  Data:                                ${printable(input.dataDir)}`,
    '',
    input.initialAdminPassword
      ? `  Admin (dicetak sekali / printed once): username "admin", password "${input.initialAdminPassword}"`
      : '  Admin: akun sudah ada · account already exists (user "admin")',
    '',
    '  Pemutar / Players:',
    ...input.screens.map(
      (s) => `    ${printable(s.name).padEnd(32)} ${url}/player/?screen=${encodeURIComponent(s.id)}`,
    ),
    ...((input.screenCount ?? 0) > input.screens.length
      ? [`    … +${(input.screenCount ?? 0) - input.screens.length} (${url}/)`]
      : []),
    '',
    `  BARUGA_READY ${input.readyJson}`,
    '',
  ];
  return lines.join('\n') + '\n';
}
