// On a code page opened from an answer (?lines=30-62#__span-0-30): highlight only those lines,
// and bring the first one into view (again: the anchor jump can land before the layout settles).
(function () {
  "use strict";
  const match = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get("lines") || "");
  if (!match) return;
  const [first, last] = [Number(match[1]), Number(match[2])];
  const mark = () => {
    for (let line = first; line <= last; line += 1) {
      const span = document.getElementById(`__span-0-${line}`);
      if (span) span.classList.add("stc-linked");
    }
    const start = document.getElementById(`__span-0-${first}`);
    if (start) start.scrollIntoView({ block: "start" });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
