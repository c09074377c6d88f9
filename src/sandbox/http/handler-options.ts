/** How the sandbox's MSW handlers are set up (`createSandboxHandlers` and the dev controls). */
export interface SandboxHandlerOptions {
  /** Origin (and optional path prefix) to serve on, e.g. `http://localhost:8787`. Default: any origin. */
  baseUrl?: string;
  /**
   * Where clients reach the sandbox, e.g. `http://127.0.0.1:8787`: the sandbox's own absolute URLs (item
   * pictures) are written against it. Default: `baseUrl`, else the origin each request was sent to.
   */
  publicUrl?: string;
  /**
   * Origins of pages that may drive the control surface (token endpoint, Sandbox API, `/__sandbox/`)
   * from a browser, e.g. `['http://localhost:5173']` for a test page served elsewhere. Same-origin pages
   * and non-browser clients need no entry; every other page is refused (403).
   */
  allowedOrigins?: readonly string[];
  /** Include the `/__sandbox/` development controls (default true). */
  devControls?: boolean;
  /** Default pace of autoplay started through the dev control (default 2000 ms). */
  autoplayStepMs?: number;
}
