// Flashcards: a random card from the filtered deck, a countdown, the spoken answer, and a mark.
// Cards you missed come back within a few turns; known ones wait longer each time (progress.js).
// A follow-up card shows the question it follows, as the interviewer would have asked it first.
(function () {
  "use strict";
  const root = document.getElementById("stc-flashcards");
  if (!root) return;
  const here = document.currentScript.src;
  const store = window.STC_PROGRESS;
  const $ = (selector) => root.querySelector(selector);
  const form = $(".stc-fc-filters");
  let deck = [];
  let card = null;
  let countdown = null;
  let progress = store.load();

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function withCode(text) {
    return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
  }

  // every main question, then every follow-up, as cards of one shape
  function cardsOf(questions) {
    const main = questions.map((question) => ({ ...question, id: question.slug, after: null }));
    const follow = questions.flatMap((question) =>
      question.follow_ups.map((followUp) => ({
        ...question,
        id: followUp.id,
        title: followUp.ask,
        answer: followUp.answer,
        url: followUp.url,
        after: question.title,
      }))
    );
    return main.concat(follow);
  }

  function filtered() {
    const topic = form.topic.value;
    const kind = form.kind.value;
    const priorities = [...form.querySelectorAll("[name=priority]:checked")].map((box) => box.value);
    return deck.filter(
      (item) =>
        (!topic || item.topic === topic) &&
        priorities.includes(item.priority) &&
        (kind === "both" || (kind === "follow-ups") === Boolean(item.after))
    );
  }

  function due(item) {
    return store.stateOf(progress, item.id).due;
  }

  function pick() {
    const cards = filtered();
    if (!cards.length) return null;
    const ready = cards.filter((item) => due(item) <= progress.turn && item !== card);
    const reviews = ready.filter((item) => progress.cards[item.id]); // seen before: they go first
    const soonest = () => [cards.reduce((a, b) => (due(a) <= due(b) ? a : b))];
    const pool = reviews.length ? reviews : ready.length ? ready : soonest();
    return pool[Math.floor(Math.random() * pool.length)];
  }

  function show() {
    clearInterval(countdown);
    card = pick();
    $(".stc-fc-answer").hidden = true;
    $(".stc-fc-reveal").hidden = !card;
    $(".stc-fc-after").hidden = !(card && card.after);
    if (!card) {
      $(".stc-fc-meta").textContent = "";
      $(".stc-fc-question").textContent = "No card matches these filters.";
      $(".stc-fc-timer").textContent = "";
      return stats();
    }
    root.dataset.slug = card.id;
    root.dataset.topic = card.topic;
    root.dataset.priority = card.priority;
    $(".stc-fc-meta").textContent = `${card.topic_title} · ${card.priority_label}${card.after ? " · follow-up" : ""}`;
    $(".stc-fc-after").textContent = card.after ? `After: ${card.after}` : "";
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
    store.mark(progress, card.id, result);
    show();
  }

  function stats() {
    const count = store.counts(progress, filtered().map((item) => item.id));
    $(".stc-fc-stats").textContent =
      `${count.total} cards: ${count.known} known, ${count.practise} to practise, ${count.unseen} not seen yet.`;
  }

  root.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target) return;
    if (target.matches(".stc-fc-reveal")) reveal();
    else if (target.dataset.grade) grade(target.dataset.grade);
    else if (target.matches(".stc-fc-reset")) {
      progress = { turn: 0, cards: {} };
      store.save(progress);
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
    deck = cardsOf(data.questions);
    for (const topic of data.topics) {
      form.topic.add(new Option(topic.title, topic.name));
    }
    show();
  };
  document.head.appendChild(loader);
})();
