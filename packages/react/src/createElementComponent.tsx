import {
  type CSSProperties,
  createElement,
  type FunctionComponent,
  type ReactElement,
  type ReactNode,
  useCallback,
  useRef,
} from 'react';
import { useDatabrainContext } from './DatabrainContext.ts';
import type { DatabrainServerEvent } from './DatabrainServerEvent.ts';
import { DefaultErrorFallback } from './DefaultErrorFallback.tsx';
import { DefaultFallback } from './DefaultFallback.tsx';
import { registerGlobalFunction } from './registerGlobalFunction.ts';
import { useElementDefined } from './useElementDefined.ts';
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

/** How one DataBrain element is wrapped. */
export interface ElementComponentSpec<P> {
  tag: 'dbn-dashboard' | 'dbn-metric';
  displayName: string;
  /** "dashboard", "metric": used in the default placeholder and error texts. */
  noun: string;
  /** Props that are callbacks, with the attribute that names their global function. */
  callbacks?: { readonly [K in keyof P]?: string };
  /** Size of the placeholder and error box, so the layout does not jump. */
  placeholderSize: (props: P) => CSSProperties;
}

const COMMON_PROPS: ReadonlySet<string> = new Set([
  'className',
  'style',
  'fallback',
  'errorFallback',
  'onServerEvent',
]);

function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function isTokenExpired(event: unknown): boolean {
  return (
    typeof event === 'object' && event !== null && (event as { type?: unknown }).type === 'TOKEN_EXPIRED'
  );
}

/**
 * Brings one value to the element, only if it changed. The token and objects
 * go in as DOM properties (React 18 would write "[object Object]"); scalars
 * as kebab-case attributes, booleans as "true"/"false" (DataBrain reads an
 * empty attribute as false). An object the element has no property for is
 * written as JSON, which is how its attribute is read.
 */
function applyValue(element: HTMLElement, name: string, value: unknown, applied: Map<string, string>): void {
  const attribute = toKebab(name);
  if (value === undefined || value === null) {
    if (applied.delete(attribute)) element.removeAttribute(attribute);
    return;
  }
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (applied.get(attribute) === text) return;
  applied.set(attribute, text);
  if ((name === 'token' || typeof value === 'object') && name in element) {
    (element as unknown as Record<string, unknown>)[name] = value;
  } else {
    element.setAttribute(attribute, text);
  }
}

/**
 * Builds a React component around a DataBrain custom element: it waits for
 * the token and for the element to be defined, sets the token and object
 * props as properties on the inserted element, updates only what changed,
 * swaps the token in place (the element is never re-created or moved), and
 * renders a sized placeholder on the server.
 *
 * @example
 * ```tsx
 * const Metric = createElementComponent<MetricElementProps>({
 *   tag: 'dbn-metric',
 *   displayName: 'Metric',
 *   noun: 'metric',
 *   callbacks: { onMinimize: 'on-minimize' },
 *   placeholderSize: ({ width, height }) => ({ width: width ?? '100%', height: height ?? 320 }),
 * });
 * ```
 */
export function createElementComponent<P extends object>(
  spec: ElementComponentSpec<P>,
): FunctionComponent<P & EmbedComponentProps> {
  const callbackProps = Object.entries(spec.callbacks ?? {}) as [string, string][];
  const callbackNames: ReadonlySet<string> = new Set(callbackProps.map(([prop]) => prop));

  // biome-ignore lint/correctness/noComponentHookFactories: the factory runs once per element, at module level.
  function ElementComponent(props: P & EmbedComponentProps): ReactElement {
    const { className, style, fallback, errorFallback } = props;
    const context = useDatabrainContext(`<${spec.displayName}>`);
    const { state, reportTokenExpired } = context;
    const [definition, retryDefinition] = useElementDefined(spec.tag, context.loader);

    const latestProps = useRef(props);
    const appliedToken = useRef<string | null>(null);
    const elementRef = useRef<HTMLElement | null>(null);
    const applied = useRef<{ element: HTMLElement | null; values: Map<string, string> }>({
      element: null,
      values: new Map(),
    });
    const globalNames = useRef(new Map<string, string>());

    const showElement = state.token !== null && definition.status === 'ready';

    // Globals first, in a layout effect declared before the one that sets
    // attributes: the element looks a callback up once, when its attribute is set.
    useIsomorphicLayoutEffect(() => {
      if (!showElement) return;
      const serverEvent = registerGlobalFunction((event) => {
        const token = appliedToken.current;
        if (isTokenExpired(event) && token !== null) reportTokenExpired(token);
        latestProps.current.onServerEvent?.(event as DatabrainServerEvent);
      });
      const registrations = [serverEvent];
      globalNames.current.set('handle-server-event', serverEvent.name);
      for (const [prop, attribute] of callbackProps) {
        const registration = registerGlobalFunction((...args) => {
          const callback = (latestProps.current as Record<string, unknown>)[prop];
          if (typeof callback === 'function') callback(...args);
        });
        registrations.push(registration);
        globalNames.current.set(attribute, registration.name);
      }
      return () => {
        for (const registration of registrations) registration.unregister();
        globalNames.current.clear();
      };
    }, [showElement, reportTokenExpired]);

    useIsomorphicLayoutEffect(() => {
      latestProps.current = props;
      const element = elementRef.current;
      if (!element) return;
      if (applied.current.element !== element) applied.current = { element, values: new Map() };
      const { values } = applied.current;
      applyValue(element, 'handleServerEvent', globalNames.current.get('handle-server-event'), values);
      for (const [name, value] of Object.entries(props)) {
        if (COMMON_PROPS.has(name)) continue;
        if (callbackNames.has(name)) {
          const attribute = spec.callbacks?.[name as keyof P] ?? toKebab(name);
          applyValue(
            element,
            name,
            typeof value === 'function' ? globalNames.current.get(attribute) : undefined,
            values,
          );
          continue;
        }
        applyValue(element, name, value, values);
      }
      for (const attribute of values.keys()) {
        const prop = attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
        if (prop !== 'token' && prop !== 'handleServerEvent' && !(prop in props))
          applyValue(element, prop, undefined, values);
      }
      // The token last, once everything it is used with is in place.
      applyValue(element, 'token', state.token, values);
      appliedToken.current = state.token;
    });

    const retryToken = state.refresh;
    const retry = useCallback(() => {
      if (definition.status === 'error') retryDefinition();
      if (state.status === 'error') void retryToken();
    }, [definition.status, retryDefinition, state.status, retryToken]);

    const size = spec.placeholderSize(props);
    const error = definition.error ?? (state.status === 'error' ? state.error : null);
    let content: ReactNode;
    if (error) {
      content = errorFallback ? (
        errorFallback({ error, retry })
      ) : (
        <DefaultErrorFallback message={`The ${spec.noun} could not be loaded.`} retry={retry} size={size} />
      );
    } else if (!showElement) {
      content = fallback ?? <DefaultFallback label={`Loading ${spec.noun}…`} size={size} />;
    } else {
      content = createElement(spec.tag, { ref: elementRef });
    }
    return (
      <div className={className} style={style} data-databrain-embed={spec.noun}>
        {content}
      </div>
    );
  }

  ElementComponent.displayName = spec.displayName;
  return ElementComponent;
}
