/* global document */
// Runs before first paint: apply the theme the user chose (src/lib/theme.ts owns the key).
// Without a saved choice the CSS follows prefers-color-scheme. External, not inline: the
// Content-Security-Policy allows only script-src 'self'.
(function () {
  try {
    var theme = localStorage.getItem('dnb.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // storage blocked: follow the system
  }
})();
