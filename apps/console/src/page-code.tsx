import { Component, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { ErrorState, Loading } from './components/states';

/** How a page's code is fetched: its chunk, then the component it exports. */
export type PageCode = () => Promise<ComponentType>;

const loaded = new Map<PageCode, ComponentType>();
const failed = new Map<PageCode, unknown>();
const loading = new Map<PageCode, Promise<unknown>>();

/**
 * Fetches a page's code once; the promise settles when it is there or has failed (a failure is
 * kept to be shown, and the next opening of the page fetches again).
 */
export function loadPage(code: PageCode): Promise<unknown> {
  if (loaded.has(code)) return Promise.resolve();
  let pending = loading.get(code);
  if (!pending) {
    failed.delete(code);
    pending = code().then(
      (page) => void loaded.set(code, page),
      (error: unknown) => void failed.set(code, error),
    );
    pending = pending.finally(() => loading.delete(code));
    loading.set(code, pending);
  }
  return pending;
}

/**
 * A page whose code the router fetched before showing it (router.tsx: a page is shown once its
 * code is there, as a data router's lazy routes are, never a Suspense fallback in between). A
 * page reached otherwise shows the console opening until its code arrives.
 */
export function LoadedPage({ code }: { code: PageCode }) {
  const Page = loaded.get(code);
  const error = failed.get(code);
  const [, settled] = useState(0);
  useEffect(() => {
    if (!Page && error === undefined) void loadPage(code).then(() => settled((n) => n + 1));
  }, [Page, error, code]);
  if (Page) return <Page />;
  if (error !== undefined) return <ErrorState error={error} />;
  return <Loading label="Opening the console" />;
}

/**
 * A page that fails as it renders is shown as an error, not an empty window; the next page opened
 * (another address) is shown again.
 */
export class PageError extends Component<
  { address: string; children: ReactNode },
  { error: unknown; address: string }
> {
  override state: { error: unknown; address: string } = { error: undefined, address: this.props.address };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(props: { address: string }, state: { address: string }) {
    return props.address === state.address ? null : { error: undefined, address: props.address };
  }
  override render() {
    return this.state.error === undefined ? (
      this.props.children
    ) : (
      <ErrorState error={this.state.error} title="The console could not show this page" />
    );
  }
}
