// Theme preference for ThemeToggle: the stored choice (localStorage) and the system's prefers-color-scheme.
// Loaded as a module (no inline script): the console's CSP allows script-src 'self' only.
const key = "qpc-theme";
let query = null;
let listener = null;

function mark(theme) {
  // Lets app.css/theme.css adjust the few hand-coloured parts (diff, swatches) without reading MudBlazor internals.
  document.documentElement.dataset.qpcTheme = theme;
}

export function start(dotnet) {
  let stored = null;
  try { stored = localStorage.getItem(key); } catch { /* storage disabled: follow the system */ }
  if (stored !== "dark" && stored !== "light") stored = null;
  query = window.matchMedia("(prefers-color-scheme: dark)");
  listener = e => {
    let chosen = null;
    try { chosen = localStorage.getItem(key); } catch { /* storage disabled */ }
    if (!chosen) {
      mark(e.matches ? "dark" : "light");
      dotnet.invokeMethodAsync("OnSystemThemeChanged", e.matches);
    }
  };
  query.addEventListener("change", listener);
  mark(stored ?? (query.matches ? "dark" : "light"));
  return { stored, systemDark: query.matches };
}

export function remember(theme) {
  mark(theme);
  try { localStorage.setItem(key, theme); } catch { /* not remembered, still switched */ }
}

export function stop() {
  if (query && listener) query.removeEventListener("change", listener);
  query = null;
  listener = null;
}
