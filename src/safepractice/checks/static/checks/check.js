// One-click copy of the safer version. Delegated, because htmx swaps the results in.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copyTarget);
  const status = button.parentElement.querySelector(".copy-status");
  try {
    await navigator.clipboard.writeText(source.value);
  } catch (error) {
    // Older browsers, or a page not served over HTTPS: copy through a selection instead.
    source.select();
    document.execCommand("copy");
  }
  if (status) status.textContent = "Copied.";
});

// Text already in the box when the page is ready (restored by the browser on going back,
// or typed before the scripts had loaded) is checked at once, as typing would have done.
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("id_text");
  if (text && text.value.trim() && window.htmx) htmx.trigger(text.form, "submit");
});
