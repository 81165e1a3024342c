// Listening with JavaScript: a Listen button on every easy-read row that highlights the
// row while it is read, and a slower speed. Without JavaScript the page keeps its own
// plain audio player.
const SLOW = 0.75;
let speed = 1;
const rowPlayer = new Audio();
let playingRow = null;

function stopRow() {
  rowPlayer.pause();
  if (playingRow) {
    playingRow.classList.remove("er-row--reading");
    const button = playingRow.querySelector(".er-row__listen");
    button.textContent = playingRow.dataset.listenLabel;
    playingRow = null;
  }
}

function playRow(row) {
  const wasPlaying = playingRow === row;
  stopRow();
  if (wasPlaying) return;
  document.querySelectorAll("audio").forEach((player) => player.pause());
  playingRow = row;
  row.classList.add("er-row--reading");
  const button = row.querySelector(".er-row__listen");
  button.textContent = row.dataset.stopLabel;
  rowPlayer.src = row.dataset.audio;
  rowPlayer.playbackRate = speed;
  rowPlayer.play().catch(stopRow);
}

rowPlayer.addEventListener("ended", stopRow);
rowPlayer.addEventListener("error", stopRow);

document.querySelectorAll(".er-row[data-audio]").forEach((row) => {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "nhsuk-button nhsuk-button--secondary nhsuk-button--small er-row__listen";
  button.textContent = row.dataset.listenLabel;
  // "Listen" then the row's own words, so each button says what it reads.
  const text = row.querySelector(".er-row__text");
  text.id = text.id || `${row.id}-text`;
  button.setAttribute("aria-describedby", text.id);
  button.addEventListener("click", () => playRow(row));
  row.querySelector(".er-row__text").append(button);
});

document.querySelectorAll("[data-er-speed]").forEach((holder) => {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "nhsuk-button nhsuk-button--secondary nhsuk-button--small";
  button.textContent = holder.dataset.labelSlower;
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", () => {
    speed = speed === 1 ? SLOW : 1;
    // A toggle: one label, and aria-pressed says whether it is on.
    button.setAttribute("aria-pressed", String(speed !== 1));
    rowPlayer.playbackRate = speed;
    document.querySelectorAll("audio").forEach((player) => {
      player.playbackRate = speed;
      player.defaultPlaybackRate = speed;
    });
  });
  holder.append(button);
  holder.hidden = false;
});

document.querySelectorAll("audio").forEach((player) => {
  player.addEventListener("play", stopRow);
});
