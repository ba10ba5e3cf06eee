/**
 * Where each state key lives (excalidraw's pattern): "url" keys are written by url/codec.ts,
 * "none" keys are transient. The record is typed over every key of AppState, so adding a key
 * without deciding is a type error.
 */
import type { AppState } from './types';

type DataKeys = { [K in keyof AppState]: AppState[K] extends (...args: never[]) => unknown ? never : K }[keyof AppState];

export const PERSISTENCE: Record<DataKeys, 'url' | 'none'> = {
  view: 'url',
  filters: 'url',
  layers: 'url',
  selection: 'url',
  language: 'url',
  basemap: 'url',
  listOpen: 'url',
  cameraRequest: 'none',
  hover: 'none',
  loadStatus: 'none',
  mapStatus: 'none',
  dataProblems: 'none',
  linkProblems: 'none',
  mapNotices: 'none',
  data: 'none',
  searchIndex: 'none',
  mapImageRequest: 'none',
  mapImage: 'none',
};

export const URL_KEYS = (Object.keys(PERSISTENCE) as DataKeys[]).filter((k) => PERSISTENCE[k] === 'url');
