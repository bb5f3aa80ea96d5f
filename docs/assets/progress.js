// What the reader knows, kept in this browser: one record per card (a question's slug, or
// slug#anchor for a follow-up), shared by the flashcards and the mock interview. It also fills
// the progress line of the must-know and topic pages.
(function () {
  "use strict";
  const STORE = "stc-flashcards-v1";

  function load() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || { turn: 0, cards: {} };
    } catch (error) {
      return { turn: 0, cards: {} };
    }
  }

  function save(progress) {
    localStorage.setItem(STORE, JSON.stringify(progress));
  }

  function stateOf(progress, id) {
    return progress.cards[id] || { box: 0, due: 0, knew: 0, missed: 0 };
  }

  // a mark moves the card between boxes: known cards come back later each time, missed ones soon
  function mark(progress, id, result) {
    const state = stateOf(progress, id);
    progress.turn += 1;
    if (result === "knew") {
      state.knew += 1;
      state.box = Math.min(state.box + 1, 5);
      state.due = progress.turn + 3 * 2 ** state.box;
    } else if (result === "missed") {
      state.missed += 1;
      state.box = 0;
      state.due = progress.turn + 2;
    } else {
      state.due = progress.turn + 4;
    }
    progress.cards[id] = state;
    save(progress);
  }

  // known: marked known last time; to practise: seen and not known; not seen: never marked
  function counts(progress, ids) {
    const states = ids.map((id) => progress.cards[id]);
    return {
      total: ids.length,
      known: states.filter((state) => state && state.box > 0).length,
      practise: states.filter((state) => state && state.box === 0).length,
      unseen: states.filter((state) => !state).length,
    };
  }

  window.STC_PROGRESS = { load, save, stateOf, mark, counts };

  const line = document.querySelector(".stc-progress[data-slugs]");
  if (line) {
    const count = counts(load(), line.dataset.slugs.split(" "));
    line.textContent =
      `Your progress: ${count.known} known, ${count.practise} to practise, ${count.unseen} not seen yet (of ${count.total}).`;
    line.hidden = false;
  }
})();
