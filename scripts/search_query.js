// Written into the front of Material's search worker by the build (scripts/search_index.py).
// Material adds a trailing wildcard to every query word, so in "what is a closure in python" the
// words "what", "is", "a" and "in" match nearly every page and outweigh "closure". Before the
// worker sees a query, this drops such words and adds the site's words for interview synonyms.
(() => {
  const QUERY_MESSAGE = 2; // Material's SearchMessageType.QUERY
  const STOP_WORDS = new Set(__STOP_WORDS__);
  const SYNONYMS = __SYNONYMS__; // [[phrase words], [words the pages use]]
  // a reader who types search syntax means it: +word, -word, field:word, word*, word~1, word^2
  // (quotes, a hyphen inside a word or "COUNT(*)" in a pasted question are not syntax)
  const LUNR_SYNTAX = /(^|\s)[+-]\w|\w:\w|\w\*|[~^]\d/;

  const contains = (words, phrase) =>
    words.some((_, start) => phrase.every((word, offset) => words[start + offset] === word));

  const rewrite = (query) => {
    if (LUNR_SYNTAX.test(query)) return query;
    const words = query.toLowerCase().split(/[\s?!,;'"()]+/).filter(Boolean);
    const kept = words.filter((word) => word.length > 1 && !STOP_WORDS.has(word));
    for (const [phrase, usual] of SYNONYMS) {
      if (contains(words, phrase)) kept.push(...usual.filter((word) => !kept.includes(word)));
    }
    return kept.length ? kept.join(" ") : query;
  };

  // Material ranks a result by score * (1 + g^2), g = (a page, not a section: 1) + the share of
  // query words it matched, so a follow-up (a section of its page) that matches every word ranks
  // below a page that matches half of them. Rank each follow-up as the question of its own it is.
  const RESULT_MESSAGE = 3; // Material's SearchMessageType.RESULT
  const FOLLOW_UP = "#fu-"; // content.follow_up_anchor
  const asQuestion = (item) => {
    if (!item.location.includes(FOLLOW_UP)) return item.score;
    const matched = Object.values(item.terms || {});
    const share = matched.length ? matched.filter(Boolean).length / matched.length : 0;
    return (item.score / (1 + share ** 2)) * (1 + (1 + share) ** 2);
  };
  const best = (group) => Math.max(...group.map(asQuestion));
  const send = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === RESULT_MESSAGE && Array.isArray(message.data && message.data.items)) {
      message.data.items.sort((a, b) => best(b) - best(a));
    }
    send(message, ...rest);
  };

  self.addEventListener("message", (event) => {
    if (event.data && event.data.type === QUERY_MESSAGE && typeof event.data.data === "string") {
      event.data.data = rewrite(event.data.data);
    }
  });
  self.stcRewriteQuery = rewrite; // for the tests
})();
