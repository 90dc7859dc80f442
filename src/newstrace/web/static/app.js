// The one script of the UI, loaded from the package (the CSP allows no inline script).
// Everything works without it; it adds a keyboard shortcut and shows a quote's speaker
// as a tooltip when the quote gets keyboard focus (the title attribute covers the mouse).
"use strict";
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.key === "/" && !(target instanceof HTMLInputElement)) {
    const search = document.getElementById("site-search");
    if (search) { event.preventDefault(); search.focus(); }
  }
});
let tip = null;
document.addEventListener("focusin", (event) => {
  const quote = event.target.closest && event.target.closest("a.quote[data-speaker]");
  if (!quote) return;
  tip = tip || Object.assign(document.createElement("span"), { className: "tip", role: "status" });
  tip.textContent = quote.dataset.speaker;
  const box = quote.getBoundingClientRect();
  tip.style.left = `${window.scrollX + box.left}px`;
  tip.style.top = `${window.scrollY + box.top - 26}px`;
  document.body.appendChild(tip);
});
document.addEventListener("focusout", () => { if (tip) tip.remove(); });
