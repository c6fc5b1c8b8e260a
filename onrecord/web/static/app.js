/* onrecord web app: keyboard shortcuts, statement selection, quote popovers.
   No inline scripts (the Content-Security-Policy forbids them); all text is set with textContent. */
(function () {
  "use strict";

  var selected = -1;
  var pinned = false;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav-item]"));
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function statementItem(index) {
    return document.querySelector('.statements [data-q="' + String(Number(index)) + '"]');
  }

  function segmentsOf(index) {
    return document.querySelectorAll('#article-text [data-refs~="' + String(Number(index)) + '"]');
  }

  function clearActive() {
    document.querySelectorAll("#article-text .active").forEach(function (el) { el.classList.remove("active"); });
  }

  function hidePopover() {
    var pop = document.getElementById("popover");
    if (pop) pop.hidden = true;
    pinned = false;
    clearActive();
  }

  function line(cls, text) {
    var div = document.createElement("div");
    div.className = cls;
    div.textContent = text;
    return div;
  }

  /* Show who says quote `index`, in which role, how sure; next to `anchor`. */
  function showPopover(index, anchor) {
    var item = statementItem(index);
    var pop = document.getElementById("popover");
    if (!item || !pop || !anchor) return;
    var d = item.dataset;
    pop.replaceChildren();
    pop.appendChild(line("p-who", d.speaker || "unknown speaker"));
    if (d.role) pop.appendChild(line("p-role", d.role));
    var meta = d.kind + " · confidence " + d.confidence + (d.cue ? " · cue: " + d.cue : "");
    pop.appendChild(line("p-meta", meta));
    if (d.link) {
      var a = document.createElement("a");
      a.href = d.link;
      a.textContent = "Open speaker →";
      a.className = "p-link";
      pop.appendChild(a);
    }
    clearActive();
    segmentsOf(index).forEach(function (el) { el.classList.add("active"); });
    pop.hidden = false;
    var rect = anchor.getBoundingClientRect();
    var left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 12);
    pop.style.left = Math.max(8, left) + "px";
    pop.style.top = (window.scrollY + rect.bottom + 8) + "px";
  }

  function select(index, scroll) {
    var list = items();
    if (!list.length) return;
    index = Math.max(0, Math.min(list.length - 1, index));
    list.forEach(function (el) { el.classList.remove("selected"); el.removeAttribute("aria-current"); });
    var item = list[index];
    selected = index;
    item.classList.add("selected");
    item.setAttribute("aria-current", "true");
    if (scroll !== false) item.scrollIntoView({ block: "nearest" });
    if (item.dataset.q !== undefined) {
      var first = segmentsOf(item.dataset.q)[0];
      if (first) {
        if (scroll !== false) first.scrollIntoView({ block: "center", behavior: "smooth" });
        showPopover(item.dataset.q, first);
        pinned = true;
      }
    }
  }

  function open(item) {
    if (!item) return;
    var target = item.dataset.q !== undefined ? item.dataset.link : item.dataset.href;
    if (target) window.location.assign(target);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey && event.key === "Enter" && event.target && event.target.form) {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (event.key === "Escape") {
      hidePopover();
      if (typing(event.target)) event.target.blur();
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/") {
      var box = document.getElementById("q") || document.getElementById("quick-search");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    } else if (event.key === "j") {
      event.preventDefault();
      select(selected + 1);
    } else if (event.key === "k") {
      event.preventDefault();
      select(selected < 0 ? 0 : selected - 1);
    } else if (event.key === "Enter" && selected >= 0 && !(event.target && event.target.closest && event.target.closest("a, button"))) {
      event.preventDefault();
      open(items()[selected]);
    }
  });

  function refOf(el) {
    var span = el && el.closest ? el.closest("#article-text [data-refs]") : null;
    return span ? { span: span, index: span.dataset.refs.split(" ")[0] } : null;
  }

  document.addEventListener("mouseover", function (event) {
    if (pinned) return;
    var ref = refOf(event.target);
    if (ref) showPopover(ref.index, ref.span);
  });

  document.addEventListener("mouseout", function (event) {
    if (pinned) return;
    var ref = refOf(event.target);
    if (ref && !(event.relatedTarget && refOf(event.relatedTarget))) hidePopover();
  });

  document.addEventListener("click", function (event) {
    var ref = refOf(event.target);
    if (ref) {
      var list = items();
      var item = statementItem(ref.index);
      var at = list.indexOf(item);
      if (at >= 0) {
        select(at, false);
        item.scrollIntoView({ block: "nearest" });
      }
      showPopover(ref.index, ref.span);
      pinned = true;
      return;
    }
    var entry = event.target.closest ? event.target.closest(".statements [data-nav-item]") : null;
    if (entry && !event.target.closest("a.who, a.statement-link")) {
      event.preventDefault();
      select(items().indexOf(entry));
      return;
    }
    if (!(event.target.closest && event.target.closest("#popover"))) hidePopover();
  });

  /* /articles/…#at-266 selects the statement starting there */
  function fromHash() {
    var match = /^#at-(\d+)$/.exec(window.location.hash);
    if (!match) return;
    var item = document.querySelector('.statements [data-start="' + match[1] + '"]');
    if (item) select(items().indexOf(item));
  }

  /* forms marked data-compact leave their empty fields out of the URL */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-compact")) return;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !field.value) field.disabled = true;
    });
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (field) { field.disabled = false; });
    }, 0);
  });

  /* with scripts on, the popover replaces the native title tooltips of the highlighted text */
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#article-text [title]").forEach(function (el) { el.removeAttribute("title"); });
    fromHash();
  });
  window.addEventListener("hashchange", fromHash);
})();
