import type { ScreenInfo } from '@baruga/protocol';
import type { CSSProperties, ReactNode } from 'react';
import { formatAsOf } from '../data/format';
import type { FeedMeta } from './data-feeds';

export interface DataFrameProps {
  type: string;
  title: string;
  titleEn?: string | undefined;
  screen: ScreenInfo;
  /** The feed's credit and time; null for rows carried in the props (then `credit` and `asOf` from the props). */
  meta: FeedMeta | null;
  credit?: string | undefined;
  asOf?: string | undefined;
  /** Bundled sample data: the screen says so, in both languages. */
  sample: boolean;
  background: string;
  children: ReactNode;
}

const footer: CSSProperties = {
  display: 'flex',
  gap: '1.5cqmin',
  alignItems: 'center',
  fontSize: '2.6cqmin',
  opacity: 0.85,
  flexWrap: 'wrap',
};

/**
 * The frame every data widget shares: the title in Indonesian with English under it, and under the data who it comes
 * from and as of when (in the screen's zone), so a visitor can judge a figure; a stale feed and sample data say so.
 */
export function DataFrame(props: DataFrameProps) {
  const credit = props.meta?.credit || props.credit || '';
  const asOfMs = props.meta ? props.meta.fetchedAt : props.asOf ? Date.parse(props.asOf) : null;
  const asOf = asOfMs !== null && Number.isFinite(asOfMs) ? formatAsOf(new Date(asOfMs), props.screen.timezone) : null;
  return (
    <div
      className="bg-data"
      data-content-type={props.type}
      style={{
        position: 'absolute',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
        padding: '3cqmin 4cqmin',
        boxSizing: 'border-box',
        background: props.background,
        color: '#f8fafc',
        gap: '2cqmin',
      }}
    >
      {props.title ? (
        <header style={{ lineHeight: 1.15 }}>
          <div lang="id" style={{ fontSize: '5cqmin', fontWeight: 700 }}>
            {props.title}
          </div>
          {props.titleEn ? (
            <div lang="en" style={{ fontSize: '3.2cqmin', opacity: 0.8 }}>
              {props.titleEn}
            </div>
          ) : null}
        </header>
      ) : null}
      <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>{props.children}</div>
      <footer className="bg-data__footer" style={footer}>
        {credit ? <span className="bg-data__credit">Sumber · Source: {credit}</span> : null}
        {asOf ? <span className="bg-data__as-of">Per · As of {asOf}</span> : null}
        {props.meta?.stale ? (
          <span className="bg-data__stale" style={{ color: '#fbbf24', fontWeight: 700 }}>
            Data belum diperbarui · Not updated
          </span>
        ) : null}
      </footer>
      {props.sample ? (
        <div
          className="bg-data__sample"
          style={{
            position: 'absolute',
            right: '3cqmin',
            top: '3cqmin',
            padding: '0.6cqmin 1.6cqmin',
            border: '0.3cqmin solid #fbbf24',
            color: '#fbbf24',
            fontWeight: 700,
            fontSize: '2.6cqmin',
            letterSpacing: '0.1em',
          }}
        >
          CONTOH · SAMPLE
        </div>
      ) : null}
    </div>
  );
}
