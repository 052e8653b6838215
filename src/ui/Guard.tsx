/**
 * Keeps a view that throws while rendering (an article too large or too odd for a comparison) from taking the
 * whole page down with it: Preact leaves the previous DOM ("Loading…") in place when a render throws, which
 * hides every button. The fallback shows the error next to the way out the caller gives.
 */
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

export function Guard(props: {
  children: ComponentChildren;
  fallback: (message: string) => ComponentChildren;
}) {
  const [error] = useErrorBoundary((caught: unknown) => console.warn('Redline: a view failed', caught));
  if (error) return <>{props.fallback(error instanceof Error ? error.message : String(error))}</>;
  return <>{props.children}</>;
}
