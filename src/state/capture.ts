/**
 * `captureMap(store)`: the map as a picture, through the store's request/response (the adapter
 * answers in its next render). Rejects when the map has not started or does not answer in time.
 */
import type { MapImage } from '../map/capture';
import type { AppStore } from './store';

export function captureMap(store: AppStore, timeoutMs = 15_000): Promise<MapImage> {
  if (store.getState().mapStatus.kind !== 'ready') return Promise.reject(new Error('the map is not drawn'));
  return new Promise((resolve, reject) => {
    const id = store.getState().requestMapImage();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('the map did not answer'));
    }, timeoutMs);
    const unsubscribe = store.subscribe(
      (s) => s.mapImage,
      (image) => {
        if (!image || image.id !== id) return;
        clearTimeout(timer);
        unsubscribe();
        if ('error' in image) reject(new Error(image.error));
        else resolve(image);
      },
    );
  });
}
