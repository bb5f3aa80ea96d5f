// Flashcards: a random card from the filtered deck, a countdown, the spoken answer, and a
// grade. Cards you missed come back within a few turns; known ones wait longer each time.
(function () {
  "use strict";
  const root = document.getElementById("stc-flashcards");
  if (!root) return;
  const here = document.currentScript.src;
  const STORE = "stc-flashcards-v1";
  const $ = (selector) => root.querySelector(selector);
  const form = $(".stc-fc-filters");
  let deck = [];
  let card = null;
  let countdown = null;
  let progress = load();

  function load() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || { turn: 0, cards: {} };
    } catch (error) {
      return { turn: 0, cards: {} };
    }
  }

  function save() {
    localStorage.setItem(STORE, JSON.stringify(progress));
  }

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function withCode(text) {
    return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
  }

  function filtered() {
    const topic = form.topic.value;
    const priorities = [...form.querySelectorAll("[name=priority]:checked")].map((box) => box.value);
    return deck.filter((item) => (!topic || item.topic === topic) && priorities.includes(item.priority));
  }

  function stateOf(slug) {
    return progress.cards[slug] || { box: 0, due: 0, knew: 0, missed: 0 };
  }

  function pick() {
    const cards = filtered();
    if (!cards.length) return null;
    const due = cards.filter((item) => stateOf(item.slug).due <= progress.turn && item !== card);
    const reviews = due.filter((item) => progress.cards[item.slug]); // seen before: they go first
    const soonest = () => [cards.reduce((a, b) => (stateOf(a.slug).due <= stateOf(b.slug).due ? a : b))];
    const pool = reviews.length ? reviews : due.length ? due : soonest();
    return pool[Math.floor(Math.random() * pool.length)];
  }

  function show() {
    clearInterval(countdown);
    card = pick();
    $(".stc-fc-answer").hidden = true;
    $(".stc-fc-reveal").hidden = !card;
    if (!card) {
      $(".stc-fc-meta").textContent = "";
      $(".stc-fc-question").textContent = "No card matches these filters.";
      $(".stc-fc-timer").textContent = "";
      return stats();
    }
    root.dataset.slug = card.slug;
    root.dataset.topic = card.topic;
    root.dataset.priority = card.priority;
    $(".stc-fc-meta").textContent = `${card.topic_title} · ${card.priority_label}`;
    $(".stc-fc-question").textContent = card.title;
    $(".stc-fc-text").innerHTML = withCode(card.answer);
    $(".stc-fc-link").href = card.url;
    let left = Number(form.seconds.value);
    const tick = () => {
      $(".stc-fc-timer").textContent = left > 0 ? `${left} s` : "Time is up";
      if (left-- <= 0) reveal();
    };
    tick();
    countdown = setInterval(tick, 1000);
    stats();
  }

  function reveal() {
    if (!card) return;
    clearInterval(countdown);
    $(".stc-fc-answer").hidden = false;
    $(".stc-fc-reveal").hidden = true;
    $("[data-grade=knew]").focus();
  }

  function grade(result) {
    if (!card || $(".stc-fc-answer").hidden) return;
    const state = stateOf(card.slug);
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
    progress.cards[card.slug] = state;
    save();
    show();
  }

  function stats() {
    const cards = filtered();
    const seen = cards.map((item) => stateOf(item.slug));
    const knew = seen.filter((state) => state.box > 0).length;
    const missed = seen.filter((state) => state.missed > 0 && state.box === 0).length;
    const fresh = cards.filter((item) => !progress.cards[item.slug]).length;
    $(".stc-fc-stats").textContent =
      `${cards.length} cards: ${knew} known, ${missed} to practise, ${fresh} not seen yet.`;
  }

  root.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target) return;
    if (target.matches(".stc-fc-reveal")) reveal();
    else if (target.dataset.grade) grade(target.dataset.grade);
    else if (target.matches(".stc-fc-reset")) {
      progress = { turn: 0, cards: {} };
      save();
      show();
    }
  });
  form.addEventListener("change", show);
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("select, input, a") || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if ((key === " " || key === "enter") && $(".stc-fc-answer").hidden) {
      event.preventDefault();
      reveal();
    } else if (key === "k" || key === "1") grade("knew");
    else if (key === "d" || key === "2") grade("missed");
    else if (key === "s" || key === "3") grade("skip");
  });

  // the deck comes from flashcards-data.js, which the build writes from the question pages;
  // a script rather than JSON, loaded only here, so it also works from file://
  const loader = document.createElement("script");
  loader.src = new URL("flashcards-data.js", here).href;
  loader.onload = () => {
    const data = window.STC_FLASHCARDS;
    deck = data.questions;
    for (const topic of data.topics) {
      form.topic.add(new Option(topic.title, topic.name));
    }
    show();
  };
  document.head.appendChild(loader);
})();
