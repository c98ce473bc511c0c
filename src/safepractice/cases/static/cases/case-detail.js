// Keeps the "Raised N minutes ago" banner of an indecent-images case current while the page
// is open. A file, not an inline script: the Content-Security-Policy allows scripts from this
// server only.
(function () {
  var banner = document.getElementById("notification-banner");
  var out = document.getElementById("minutes-elapsed");
  if (!banner || !out) {
    return;
  }
  var raised = new Date(banner.dataset.raised);
  setInterval(function () { out.textContent = Math.floor((Date.now() - raised) / 60000); }, 15000);
})();
