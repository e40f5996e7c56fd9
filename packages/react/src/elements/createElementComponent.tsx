import type { DatabrainError } from '@databrain-embed/core/errors';
import {
  type CSSProperties,
  type FunctionComponent,
  type ReactElement,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useDatabrainContext, useSessionValue } from '../DatabrainContext.ts';
import { retainPluginGlobals } from '../host-page/retainPluginGlobals.ts';
import { createNotifier, type Notify } from '../session/createNotifier.ts';
import type { TokenSessionState } from '../session/TokenSessionState.ts';
import { ErrorView, LoadingView } from './defaultViews.tsx';
import { elementsDefined, importDatabrainPlugin, loadElements, subscribeToElements } from './loadElements.ts';

/**
 * What a DataBrain element passes to the global function named in its
 * `handle-server-event` attribute. `TOKEN_EXPIRED` is handled by the
 * provider (it fetches a new token at once); the rest of the payload is not
 * documented by DataBrain.
 *
 * @example
 * ```tsx
 * import { Dashboard, type DatabrainServerEvent } from '@databrain-embed/react';
 * const log = (event: DatabrainServerEvent) => console.warn(event.type, event.message);
 * <Dashboard dashboardId="sales-overview" onServerEvent={log} />;
 * ```
 */
export interface DatabrainServerEvent {
  type?: string;
  message?: string;
  [key: string]: unknown;
}

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
  /** Branch on `error.code` (`TOKEN_HTTP`, `ELEMENTS_LOAD`…). */
  error: DatabrainError;
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
  /**
   * Every event the element reports through `handle-server-event`
   * (TOKEN_EXPIRED is handled already). A throw is written to the console and
   * never reaches the element.
   */
  onServerEvent?: (event: DatabrainServerEvent) => void;
}

type Globals = Record<string, unknown>;

// What an embed shows follows from one value: the token, the error that left
// the session without one, or null while it loads.
const tokenOrErrorOf = (state: TokenSessionState): string | DatabrainError | null =>
  state.token ?? (state.status === 'error' ? state.error : null);

// The app's callbacks (onServerEvent, onMinimize…) never throw into an element;
// one notifier for every embed of the page, made when a callback is first called.
let notifier: Notify | undefined;
const notify: Notify = (name, callback, ...args) => {
  notifier ??= createNotifier();
  notifier(name, callback, ...args);
};

// The kebab-case attribute of each camelCase prop name, worked out once per name.
const attributes = /* @__PURE__ */ new Map<string, string>();
function attributeOf(prop: string): string {
  let attribute = attributes.get(prop);
  if (attribute === undefined) {
    attribute = prop.replace(/[A-Z]/g, '-$&').toLowerCase();
    attributes.set(prop, attribute);
  }
  return attribute;
}

// The server renders the placeholder: whether elements exist is known in the browser only.
const notDefinedOnServer = (): boolean => false;

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
 * const Dashboard = createElementComponent<DashboardElementProps>('Dashboard', () => ({ minHeight: 480 }));
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
    const { session, loader, isolatePluginStyles } = useDatabrainContext(`<${name}>`);
    const tokenOrError = useSessionValue(session, tokenOrErrorOf);
    const token = typeof tokenOrError === 'string' ? tokenOrError : null;
    const tokenError = typeof tokenOrError === 'string' ? null : tokenOrError;
    // Known at the first render in the browser (no placeholder flash once loaded);
    // false on the server and while hydrating, so both render the same markup.
    const defined = useSyncExternalStore(subscribeToElements, elementsDefined, notDefinedOnServer);
    const [loadError, setLoadError] = useState<DatabrainError | null>(null);
    const [loadAttempt, setLoadAttempt] = useState(0);
    const element = useRef<HTMLElement>(null);
    // What the element holds, by prop name: the text last written or set.
    const held = useRef<Record<string, string | null | undefined>>({});
    // The values the global functions call.
    const latest = useRef<Globals>({});
    // This component's global functions are named this plus the prop name.
    const prefix = `__databrainEmbed${useId()}`;
    const show = token !== null && defined;

    // biome-ignore lint/correctness/useExhaustiveDependencies: loadAttempt asks again after a failed load.
    useEffect(() => {
      if (defined) return;
      let current = true;
      loadElements(loader ?? importDatabrainPlugin, { isolatePluginStyles }).catch(
        (error: DatabrainError) => {
          if (current) setLoadError(error);
        },
      );
      return () => {
        current = false;
      };
    }, [defined, loader, isolatePluginStyles, loadAttempt]);

    // What the plugin leaves on <html> and <body> goes with the last element shown.
    useEffect(() => (show ? retainPluginGlobals() : undefined), [show]);

    // A new element starts from nothing; the globals go with the element.
    // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the element is created or removed.
    useEffect(
      () => () => {
        for (const prop in latest.current) delete (window as unknown as Globals)[prefix + prop];
        held.current = {};
      },
      [show, prefix],
    );

    // After every render: bring the element up to date with the props.
    useEffect(() => {
      const target = element.current as (HTMLElement & Globals) | null;
      if (!target) return;
      const values: Globals = {
        handleServerEvent: (event?: DatabrainServerEvent) => {
          if (event?.type === 'TOKEN_EXPIRED' && token) session.reportExpired(token);
          notify('onServerEvent', onServerEvent, event as DatabrainServerEvent);
        },
        ...elementProps,
        // The token last, once everything it is used with is in place.
        token,
      };
      latest.current = values;
      const was = held.current;
      // Every prop held or given.
      for (const prop in { ...was, ...values }) {
        let value = values[prop];
        const attribute = attributeOf(prop);
        if (typeof value === 'function') {
          value = prefix + prop;
          (window as unknown as Globals)[value as string] ??= (...args: unknown[]) =>
            notify(prop, latest.current[prop] as ((...args: unknown[]) => unknown) | undefined, ...args);
        }
        const text =
          value == null ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
        if (was[prop] === text) continue;
        was[prop] = text;
        if (text == null) target.removeAttribute(attribute);
        else if ((prop === 'token' || typeof value === 'object') && prop in target) target[prop] = value;
        else target.setAttribute(attribute, text);
      }
    });

    const retry = (): void => {
      // Load the elements again if that failed; keep an element that is shown.
      if (loadError) {
        setLoadError(null);
        setLoadAttempt((attempt) => attempt + 1);
      }
      if (tokenError) void session.refresh();
    };
    // A failed load no longer counts once the elements got defined some other way.
    const error = (defined ? null : loadError) ?? tokenError;
    const size = placeholderSize(props);
    return (
      <div className={className} style={style} data-databrain-embed={noun}>
        {error ? (
          errorFallback ? (
            errorFallback({ error, retry })
          ) : (
            <ErrorView noun={noun} size={size} error={error} retry={retry} />
          )
        ) : show ? (
          <Tag ref={element} />
        ) : (
          (fallback ?? <LoadingView noun={noun} size={size} />)
        )}
      </div>
    );
  }

  ElementComponent.displayName = name;
  return ElementComponent;
}
