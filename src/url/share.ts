/**
 * Share links, built from the store's state (never from the address bar, which the URL writer
 * updates up to 400 ms later). Both "Copy link" buttons use this one function, so a copy made
 * right after a change carries the change.
 */
import { encodeState, urlStateOf, type UrlState } from './codec';

export interface PageLocation {
  origin: string;
  pathname: string;
}

/**
 * The absolute link to `state`, with `overrides` applied (the feature panel links its own feature).
 * @example shareUrl(store.getState(), { selection: { kind: 'feature', featureKind: 'gate', id } })
 */
export function shareUrl(state: UrlState, overrides: Partial<UrlState> = {}, location: PageLocation = window.location): string {
  return `${location.origin}${location.pathname}${encodeState({ ...urlStateOf(state), ...overrides })}`;
}
