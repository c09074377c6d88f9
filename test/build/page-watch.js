// Loaded first by the strict test page (strict-page-server.mjs), as a same-origin classic script: it records
// what the page's CSP refused, what threw, and what the widget warned about, for the test in the parent page.
window.cspViolations = [];
window.pageErrors = [];
window.pageWarnings = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`.trim());
});
window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.pageErrors.push(String(event.reason)));
const warn = console.warn.bind(console);
console.warn = (...args) => {
  window.pageWarnings.push(args.join(' '));
  warn(...args);
};
