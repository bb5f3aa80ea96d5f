// Mock interview: a round of main questions, each followed by one or two of its follow-ups, with
// a timer, the model answer on reveal and a mark that joins the flashcard progress (progress.js).
// The browser may read each question aloud with a voice installed on the device (never fetched).
(function () {
  "use strict";
  const root = document.getElementById("stc-mock");
  if (!root) return;
  const here = document.currentScript.src;
  const store = window.STC_PROGRESS;
  const $ = (selector) => root.querySelector(selector);
  const setup = $(".stc-mock-setup");
  let questions = [];
  let turns = [];
  let position = 0;
  let marks = [];
  let countdown = null;

  function escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function withCode(text) {
    return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
  }

  function shuffled(items) {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  // what the reader does not know yet comes first: not known, then known longest ago
  function byNeed(progress, items, id) {
    const need = (item) => {
      const state = progress.cards[id(item)];
      return state ? (state.box > 0 ? 2 + state.box : 1) : 0;
    };
    return shuffled(items).sort((a, b) => need(a) - need(b));
  }

  function plan() {
    const progress = store.load();
    const scope = setup.scope.value;
    const inScope = questions.filter((q) => scope === "all" || (scope === "high" ? q.priority === "high" : q.topic === scope));
    const picked = byNeed(progress, inScope, (q) => q.slug).slice(0, Number(setup.length.value));
    return picked.flatMap((question) => [
      { id: question.slug, ask: question.title, answer: question.answer, url: question.url, question, after: null },
      ...byNeed(progress, question.follow_ups, (f) => f.id)
        .slice(0, Number(setup.follow_ups.value))
        .map((f) => ({ id: f.id, ask: f.ask, answer: f.answer, url: f.url, question, after: question.title })),
    ]);
  }

  function localVoice() {
    if (!("speechSynthesis" in window)) return null;
    return speechSynthesis.getVoices().find((voice) => voice.localService && voice.lang.startsWith("en")) || null;
  }

  function speak(text) {
    const voice = localVoice();
    if (!setup.speak.checked || !voice) return;
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    speechSynthesis.speak(utterance);
  }

  function ask() {
    clearInterval(countdown);
    const turn = turns[position];
    const main = turns.filter((t) => !t.after);
    $(".stc-fc-meta").textContent =
      `Question ${main.indexOf(turns.filter((t, i) => i <= position && !t.after).pop()) + 1} of ${main.length}` +
      ` · ${turn.question.topic_title}${turn.after ? " · follow-up" : ""}`;
    $(".stc-fc-after").hidden = !turn.after;
    $(".stc-fc-after").textContent = turn.after ? `After: ${turn.after}` : "";
    $(".stc-fc-question").textContent = turn.ask;
    $(".stc-fc-text").innerHTML = withCode(turn.answer);
    $(".stc-fc-link").href = turn.url;
    $(".stc-fc-answer").hidden = true;
    $(".stc-fc-reveal").hidden = false;
    root.dataset.turn = String(position + 1);
    root.dataset.id = turn.id;
    let left = Number(setup.seconds.value);
    const tick = () => {
      $(".stc-fc-timer").textContent = left > 0 ? `${left} s` : "Time is up";
      if (left-- <= 0) reveal();
    };
    tick();
    countdown = setInterval(tick, 1000);
    speak(turn.ask);
  }

  function reveal() {
    if (!turns.length || $(".stc-mock-turn").hidden) return;
    clearInterval(countdown);
    $(".stc-fc-answer").hidden = false;
    $(".stc-fc-reveal").hidden = true;
    $("[data-grade=knew]").focus();
  }

  function grade(result) {
    if (!turns.length || $(".stc-fc-answer").hidden || $(".stc-mock-turn").hidden) return;
    const turn = turns[position];
    store.mark(store.load(), turn.id, result);
    marks.push({ turn, knew: result === "knew" });
    position += 1;
    if (position < turns.length) ask();
    else summary();
  }

  function summary() {
    clearInterval(countdown);
    $(".stc-mock-turn").hidden = true;
    const byTopic = new Map();
    for (const { turn, knew } of marks) {
      const row = byTopic.get(turn.question.topic_title) || { knew: 0, asked: 0 };
      row.asked += 1;
      row.knew += knew ? 1 : 0;
      byTopic.set(turn.question.topic_title, row);
    }
    $(".stc-mock-topics tbody").innerHTML = [...byTopic]
      .map(([topic, row]) => `<tr><td>${escapeHtml(topic)}</td><td>${row.knew}</td><td>${row.asked}</td></tr>`)
      .join("");
    const missed = marks.filter((mark) => !mark.knew);
    $(".stc-mock-revisit").innerHTML = missed.length
      ? missed.map(({ turn }) => `<li><a href="${escapeHtml(turn.url)}">${escapeHtml(turn.ask)}</a></li>`).join("")
      : "<li>Nothing: you knew every answer.</li>";
    $(".stc-mock-summary").hidden = false;
    root.dataset.done = "true";
  }

  function start(event) {
    event.preventDefault();
    turns = plan();
    position = 0;
    marks = [];
    delete root.dataset.done;
    setup.hidden = true;
    $(".stc-mock-summary").hidden = true;
    $(".stc-mock-turn").hidden = !turns.length;
    if (turns.length) ask();
  }

  setup.addEventListener("submit", start);
  root.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target) return;
    if (target.matches(".stc-fc-reveal")) reveal();
    else if (target.dataset.grade) grade(target.dataset.grade);
    else if (target.matches(".stc-mock-again")) {
      $(".stc-mock-summary").hidden = true;
      setup.hidden = false;
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("select, input, a") || event.altKey || event.ctrlKey || event.metaKey) return;
    if ($(".stc-mock-turn").hidden) return;
    const key = event.key.toLowerCase();
    if ((key === " " || key === "enter") && $(".stc-fc-answer").hidden) {
      event.preventDefault();
      reveal();
    } else if (key === "k" || key === "1") grade("knew");
    else if (key === "d" || key === "2") grade("missed");
  });

  function offerVoice() {
    $(".stc-mock-voice").hidden = !localVoice();
  }

  const loader = document.createElement("script");
  loader.src = new URL("flashcards-data.js", here).href;
  loader.onload = () => {
    const data = window.STC_FLASHCARDS;
    questions = data.questions;
    for (const topic of data.topics) setup.scope.add(new Option(topic.title, topic.name));
    root.dataset.ready = "true";
  };
  document.head.appendChild(loader);
  offerVoice();
  if ("speechSynthesis" in window) speechSynthesis.addEventListener("voiceschanged", offerVoice);
})();
