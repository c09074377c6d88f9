/** How the sandbox's MSW handlers are set up (`createSandboxHandlers` and the dev controls). */
export interface SandboxHandlerOptions {
  /** Origin (and optional path prefix) to serve on, e.g. `http://localhost:8787`. Default: any origin. */
  baseUrl?: string;
  /** Include the `/__sandbox/` development controls (default true). */
  devControls?: boolean;
  /** Default pace of autoplay started through the dev control (default 2000 ms). */
  autoplayStepMs?: number;
}
