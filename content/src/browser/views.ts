import type { ComponentType } from 'react';
import { ClockView } from '../types/clock/view';
import { ImageView } from '../types/image/view';
import { TextView } from '../types/text/view';
import type { ContentViewProps } from './view-props';

/** The player view of each content type, keyed by the type's id (see ../registry.ts). */
export const contentViews: Readonly<Record<string, ComponentType<ContentViewProps<never>>>> = {
  text: TextView,
  image: ImageView,
  clock: ClockView,
};
