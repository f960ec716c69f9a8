import type { ContentViewProps } from '../../browser/view-props';
import type { TextProps } from './index';

/** Indonesian first and large; the English rendering smaller below it. */
export function TextView({ props }: ContentViewProps<TextProps>) {
  return (
    <div className={`bg-text bg-text--${props.tone}`} data-content-type="text">
      <div className="bg-text__primary" lang="id">
        {props.title ? <h1 className="bg-text__title">{props.title}</h1> : null}
        <p className="bg-text__body">{props.body}</p>
      </div>
      {props.en ? (
        <div className="bg-text__secondary" lang="en">
          {props.en.title ? <h2 className="bg-text__title">{props.en.title}</h2> : null}
          <p className="bg-text__body">{props.en.body}</p>
        </div>
      ) : null}
    </div>
  );
}
