// Keeps the "Raised N minutes ago" banner of an indecent-images case current while the page
// is open. A file, not an inline script: the Content-Security-Policy allows scripts from this
// server only.
(function () {
  var banner = document.getElementById("notification-banner");
  var out = document.getElementById("minutes-elapsed");
  var noun = document.getElementById("minutes-noun");
  if (!banner || !out || !noun) {
    return;
  }
  var raised = new Date(banner.dataset.raised);
  setInterval(function () {
    var minutes = Math.floor((Date.now() - raised) / 60000);
    out.textContent = minutes;
    noun.textContent = minutes === 1 ? "minute" : "minutes";
  }, 15000);
})();
