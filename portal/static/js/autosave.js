// Saves a planner page as the person types, so a closed tab or a flat battery loses
// nothing. Without JavaScript, every button on the page saves instead.
const DELAY_MS = 2000;

for (const form of document.querySelectorAll("form[data-autosave]")) {
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  let sending = false;
  let submitted = false;
  let inFlight = null;

  async function save() {
    if (submitted) return;
    if (sending) {
      timer = setTimeout(save, DELAY_MS);
      return;
    }
    sending = true;
    const body = new FormData(form);
    body.append("autosave", "1");
    try {
      inFlight = new AbortController();
      const response = await fetch(window.location.href, {
        method: "POST",
        body,
        signal: inFlight.signal,
        credentials: "same-origin",
        headers: { "X-Requested-With": "autosave" },
      });
      if (response.status === 204 && status) {
        const time = new Date().toLocaleTimeString(document.documentElement.lang, {
          hour: "2-digit",
          minute: "2-digit",
        });
        status.textContent = `${form.dataset.savedLabel} ${time}`;
        status.hidden = false;
      }
    } catch {
      // Offline for a moment: the buttons still save, and the next change tries again.
    } finally {
      sending = false;
    }
  }

  // A button saves everything: an older autosave must not arrive after it.
  form.addEventListener("submit", () => {
    submitted = true;
    clearTimeout(timer);
    if (inFlight) inFlight.abort();
  });

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
}
