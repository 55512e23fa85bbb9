// Sends a page whose login session has ended (logout in another tab, idle timeout) to the login page, unless the
// page is leaving already. The server calls qpcSessionEnded once per circuit, when an event arrives for a session
// that is gone. A tab that has just posted the logout form is such a page: its own events can still reach the
// server after the logout has ended the session, and reloading then would cancel the post's navigation, so the
// "You have logged out." page would never show. A plain script (no inline script): the CSP allows 'self' only.
(() => {
  let leaving = false;
  document.addEventListener("submit", e => {
    if (e.target instanceof HTMLFormElement && e.target.hasAttribute("data-logout")) leaving = true;
  });
  // The login page, told that the session ended (it then says that the pending changes ended with it), and where
  // to come back to. A reload would not do: after a logout in another tab the browser has no cookie left, so the
  // server could not tell an ended session from a first visit.
  const endedUrl = () => "/login?ended=1&ReturnUrl=" + encodeURIComponent(location.pathname + location.search);
  window.qpcSessionEnded = () => {
    // A leaving page is replaced by the logout's response; should it still be here after a while (the post
    // failed), it reloads after all, so that it does not stay on a dead session.
    if (leaving) setTimeout(() => location.reload(), 5000);
    else location.assign(endedUrl());
  };
})();
