/**
 * Whether anyone can use what the tracker reads: the page is visible and the browser online. The tracker
 * pauses while not, and refreshes on return; it also needs to know a return happened (to retry a sign-in).
 */
import type { TrackingEnvironment } from './environment.js';

export interface PageActivityChange {
  visible: boolean;
  online: boolean;
  /** Visible and online. */
  active: boolean;
  /** Active now, and was not at the last look. */
  returned: boolean;
}

/** Calls `onChange` now and on every visibility or connectivity change; returns a function that stops watching. */
export function watchPageActivity(env: Pick<TrackingEnvironment, 'visibility' | 'connectivity'>, onChange: (change: PageActivityChange) => void): () => void {
  let wasActive = true;
  const look = () => {
    const visible = env.visibility.isVisible();
    const online = env.connectivity.isOnline();
    const active = visible && online;
    const returned = active && !wasActive;
    wasActive = active;
    onChange({ visible, online, active, returned });
  };
  look();
  const offVisibility = env.visibility.subscribe(look);
  const offConnectivity = env.connectivity.subscribe(look);
  return () => {
    offVisibility();
    offConnectivity();
  };
}
