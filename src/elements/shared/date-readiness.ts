/**
 * Whether dates can be formatted without holding up the page. A page's first date format is slow: before it
 * can make its first Intl.DateTimeFormat, the browser lists the locales it has date formats for, which on a
 * mid-range phone (4× CPU slowdown) takes 60–140 ms in one call that cannot be cut in pieces; later formats
 * cost about a millisecond. So `<order-status>` shows the state sentence first, pays that cost in a task of
 * its own once the sentence has been painted, and then shows the times.
 */
import { afterNextPaint, nextTask } from './render-pacing.js';

let ready = false;
let warming: Promise<void> | undefined;

/** True once this page has formatted a date: the times can be shown at once. */
export function datesReady(): boolean {
  return ready;
}

/** Makes the first date format after the next paint; resolves once dates are ready. Call when that paint matters. */
export function whenDatesReady(): Promise<void> {
  // A task after the one that shows what follows the sentence: the browser may paint in between.
  warming ??= afterNextPaint().then(nextTask).then(() => {
    new Intl.DateTimeFormat().format(0);
    ready = true;
  });
  return warming;
}
