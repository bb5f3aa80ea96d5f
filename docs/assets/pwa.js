// Makes the site installable and readable offline: links the web app manifest and registers the
// service worker that the build writes at the site root (sw.js), which caches every page.
(function () {
  "use strict";
  const root = new URL("..", document.currentScript.src);
  const manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = new URL("manifest.webmanifest", root).href;
  document.head.appendChild(manifest);
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname });
  }
})();
