import {
  type CSSProperties,
  type FunctionComponent,
  type ReactElement,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useDatabrainContext } from './DatabrainContext.ts';
import type { DatabrainServerEvent } from './DatabrainServerEvent.ts';
import { fail } from './fail.ts';
import { loadElements } from './loadElements.ts';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.ts';

/**
 * What `errorFallback` receives: the failure and a function that tries again
 * (fetches a new token and/or reloads the elements).
 *
 * @example
 * ```tsx
 * import type { ErrorFallbackProps } from '@databrain-embed/react';
 * const errorFallback = ({ error, retry }: ErrorFallbackProps) => <button onClick={retry}>{error.message}</button>;
 * ```
 */
export interface ErrorFallbackProps {
  error: Error;
  retry: () => void;
}

/**
 * Props every embed component takes besides the element's own. `className`
 * and `style` go on a wrapping `<div>`, never on the DataBrain element.
 *
 * @example
 * ```tsx
 * import type { EmbedComponentProps } from '@databrain-embed/react';
 * const common: EmbedComponentProps = { className: 'card', fallback: <Spinner /> };
 * ```
 */
export interface EmbedComponentProps {
  className?: string;
  style?: CSSProperties;
  /** Shown while the token or the elements load. Default: a sized `role="status"` placeholder. */
  fallback?: ReactNode;
  /** Shown when the token or the elements failed. Default: a message and a Retry button. */
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
  /** Every event the element reports through `handle-server-event` (TOKEN_EXPIRED is handled already). */
  onServerEvent?: (event: DatabrainServerEvent) => void;
}

type Globals = Record<string, unknown>;

let globalCount = 0;

/**
 * Builds a React component around a DataBrain custom element: it waits for
 * the token and for the element to be defined, sets the token and object
 * props as properties on the inserted element, updates only what changed,
 * swaps the token in place (the element is never re-created or moved), and
 * renders a sized placeholder on the server.
 *
 * Values reach the element only if they changed: the token and objects as
 * DOM properties (React 18 would write "[object Object]"), scalars as
 * kebab-case attributes, booleans as "true"/"false" (DataBrain reads an
 * empty attribute as false). An object the element has no property for is
 * written as JSON, which is how its attribute is read. A function becomes
 * the name of a global function calling the latest prop: DataBrain looks
 * callbacks up on `window`, once, when the attribute is set.
 *
 * @example
 * ```tsx
 * const Metric = createElementComponent<MetricElementProps>('Metric', ({ width, height }) => ({
 *   width: width ?? '100%',
 *   height: height ?? 320,
 * }));
 * ```
 */
export function createElementComponent<P extends object>(
  name: 'Dashboard' | 'Metric',
  placeholderSize: (props: P) => CSSProperties,
): FunctionComponent<P & EmbedComponentProps> {
  const noun = name.toLowerCase();
  const Tag = `dbn-${noun}` as 'dbn-dashboard';

  // biome-ignore lint/correctness/noComponentHookFactories: the factory runs once per element, at module level.
  function ElementComponent(props: P & EmbedComponentProps): ReactElement {
    const { className, style, fallback, errorFallback, onServerEvent, ...elementProps } = props;
    const [state, loader, reportTokenExpired] = useDatabrainContext(`<${name}>`);
    const { token } = state;
    // false while loading (always on the first render, so server and client markup agree).
    const [defined, setDefined] = useState<boolean | Error>(false);
    const element = useRef<HTMLElement>(null);
    // What the element holds, by prop name: the text last written or set.
    const applied = useRef(new Map<string, string>());
    // Global function names, by prop name; the values the globals call.
    const globals = useRef<Record<string, string>>({});
    const latest = useRef<Globals>({});
    const show = token !== null && defined === true;

    useEffect(() => {
      if (defined) return;
      let live = true;
      Promise.resolve(customElements.get(Tag) || loadElements(loader))
        .then(
          () =>
            customElements.get(Tag)
              ? true
              : fail('ELEMENTS_UNDEFINED', `<${Tag}> is not defined after loading.`),
          (error: Error) => error,
        )
        .then((next) => {
          if (live) setDefined(next);
        });
      return () => {
        live = false;
      };
    }, [defined, loader]);

    // A new element starts from nothing; the globals go with the element.
    useIsomorphicLayoutEffect(
      () => () => {
        for (const global of Object.values(globals.current)) delete (window as unknown as Globals)[global];
        globals.current = {};
        applied.current = new Map();
      },
      [show],
    );

    useIsomorphicLayoutEffect(() => {
      const target = element.current;
      if (!target) return;
      const values: Globals = {
        handleServerEvent: (event?: DatabrainServerEvent) => {
          if (event?.type === 'TOKEN_EXPIRED' && token) reportTokenExpired(token);
          onServerEvent?.(event as DatabrainServerEvent);
        },
        ...elementProps,
        // The token last, once everything it is used with is in place.
        token,
      };
      latest.current = values;
      const held = applied.current;
      const register = (prop: string): string => {
        const global = `__databrainEmbed${++globalCount}`;
        (window as unknown as Globals)[global] = (...args: unknown[]) =>
          (latest.current[prop] as ((...args: unknown[]) => void) | undefined)?.(...args);
        return global;
      };
      const apply = (prop: string, value: unknown): void => {
        const attribute = prop.replace(/[A-Z]/g, '-$&').toLowerCase();
        if (typeof value === 'function') value = globals.current[prop] ??= register(prop);
        if (value == null) {
          if (held.delete(prop)) target.removeAttribute(attribute);
          return;
        }
        const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
        if (held.get(prop) === text) return;
        held.set(prop, text);
        if ((prop === 'token' || typeof value === 'object') && prop in target) {
          (target as unknown as Globals)[prop] = value;
        } else {
          target.setAttribute(attribute, text);
        }
      };
      for (const prop of held.keys()) if (!(prop in values)) apply(prop, null);
      for (const prop in values) apply(prop, values[prop]);
    });

    const retry = (): void => {
      if (defined instanceof Error) setDefined(false);
      if (state.status === 'error') void state.refresh();
    };
    const error = defined instanceof Error ? defined : state.status === 'error' ? state.error : null;
    const box: CSSProperties = {
      ...placeholderSize(props),
      display: 'grid',
      placeContent: 'center',
      gap: 8,
      boxSizing: 'border-box',
    };
    return (
      <div className={className} style={style} data-databrain-embed={noun}>
        {error ? (
          errorFallback ? (
            errorFallback({ error, retry })
          ) : (
            <div role="alert" style={box}>
              {`The ${noun} could not be loaded.`}
              <button type="button" onClick={retry}>
                Retry
              </button>
            </div>
          )
        ) : show ? (
          <Tag ref={element} />
        ) : (
          (fallback ?? <div role="status" aria-busy style={box}>{`Loading ${noun}…`}</div>)
        )}
      </div>
    );
  }

  ElementComponent.displayName = name;
  return ElementComponent;
}
