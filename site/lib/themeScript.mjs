// The blocking theme script, kept as text so astro.config.mjs can put its hash in the Content-Security-Policy.
/** Source of the inline script that applies a stored light/dark choice before first paint. */
export const THEME_SCRIPT = `(function () {
  var theme = 'auto';
  try {
    theme = localStorage.getItem('tx:v1:theme') || 'auto';
  } catch (e) {
    /* storage blocked: follow the system */
  }
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
})();`;

/**
 * Source of the inline script that tells zod (URL-state schemas) never to compile validators with `new Function`:
 * the CSP forbids eval, and zod's probe for it would otherwise log a violation on every page. zod reads this
 * global when its module loads, and module scripts always run after this classic one.
 */
export const ZOD_NO_EVAL_SCRIPT = `globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });`;
