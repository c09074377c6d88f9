/**
 * The map's code (Leaflet and the map view) comes as a chunk of its own, fetched once for the page however
 * many maps show: every caller shares the one load. A load that failed (offline) is tried again on the next
 * call. In the IIFE build the chunk is inlined and this resolves at once.
 */
export type LeafletModule = typeof import('./leaflet-map.js');

let loading: Promise<LeafletModule> | undefined;
let loaded: LeafletModule | undefined;

export function loadLeafletMap(): Promise<LeafletModule> {
  if (!loading) {
    loading = import('./leaflet-map.js');
    loading.then(
      (module) => (loaded = module),
      () => (loading = undefined),
    );
  }
  return loading;
}

/** The map's code if it is already here (fetched ahead of need): a map can then show in the same update. */
export const loadedLeafletMap = (): LeafletModule | undefined => loaded;
