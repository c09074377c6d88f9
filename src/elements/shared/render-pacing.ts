/**
 * When the elements render, so that the customer sees the state sentence about as soon as a plain fetch of the
 * order would show it (docs/architecture.md, "First paint"): the first read leaves before anything renders,
 * each element's first render is a task of its own, and work the sentence does not need waits until the
 * sentence has been painted. On a mid-range phone every task over 50 ms is a moment the page does not answer
 * a tap, so the work is cut where the browser can paint and handle input in between.
 */

/** Resolves in a new task: whatever is queued (the first read, a paint that is due) goes first. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/**
 * Resolves in a new task once the order's first answer (or failure) is in, or after 200 ms: below that,
 * placeholders would only flash; above it, the customer should see that something is coming. The first render
 * is the costly one (Lit prepares every template, the browser sets up the styles and fonts): made while the
 * answer is on its way it would only draw placeholders, and the answer, arriving in the middle of it, would
 * wait for it to finish before the sentence could be drawn. So the reads leave first (the tracker starts as
 * the element connects), and the first render draws the order itself whenever the answer comes quickly.
 */
export const afterFirstAnswer = (answered: Promise<void>): Promise<void> =>
  new Promise<void>((resolve) => {
    const late = setTimeout(resolve, 200);
    void answered.then(() => {
      clearTimeout(late);
      resolve();
    });
  }).then(nextTask);

/**
 * Resolves in a task after the next frame, i.e. once what is on screen now has been painted (the frame
 * callback runs just before the paint, the task it queues after it). A hidden page paints no frames: there it
 * resolves after 100 ms, so nothing waits for the page to be shown.
 */
export const afterNextPaint = (): Promise<void> =>
  new Promise((resolve) => {
    const hidden = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(hidden);
      setTimeout(resolve);
    });
  });

/** Runs work the page will need soon when the browser is idle, or in a while where it cannot say. */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

/** `<order-status>` elements whose sentence is not on screen yet, and the parts waiting for them. */
let sentencesAwaited = 0;
const waitingParts: ((value?: unknown) => void)[] = [];

/**
 * Called by an `<order-status>` as it connects: the other parts of the page render once its sentence (or
 * what stands in for it) has been painted. Returns the release, to call then (or when it leaves the page).
 */
export function holdForSentence(): () => void {
  sentencesAwaited += 1;
  let held = true;
  return () => {
    if (held && !--sentencesAwaited) for (const render of waitingParts.splice(0)) setTimeout(render);
    held = false;
  };
}

/**
 * Resolves in a new task once no sentence on the page is awaited; the parts released together go one per
 * task, so none of them holds up the page for long.
 */
export const afterSentence = (): Promise<unknown> =>
  nextTask().then(() => (sentencesAwaited ? new Promise((resolve) => waitingParts.push(resolve)) : 0));
