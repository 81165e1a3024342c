// Saves a planner page as the person types, so a closed tab or a flat battery loses
// nothing. Without JavaScript, every button on the page saves instead.
const DELAY_MS = 2000;

for (const form of document.querySelectorAll("form[data-autosave]")) {
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  let sending = false;

  async function save() {
    if (sending) {
      timer = setTimeout(save, DELAY_MS);
      return;
    }
    sending = true;
    const body = new FormData(form);
    body.append("autosave", "1");
    try {
      const response = await fetch(window.location.href, {
        method: "POST",
        body,
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

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
}
