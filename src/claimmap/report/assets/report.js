"use strict";
// claimmap report: filters, table and event detail. Data is read from the JSON
// block; every piece of it reaches the page through textContent, never as markup.
(function () {
  const DATA = JSON.parse(document.getElementById("claimmap-data").textContent);
  // Empty values are left out of the JSON to keep the file small: fill them in.
  function defaults(record, lists, texts) {
    for (const k of lists) record[k] = record[k] || [];
    for (const k of texts) record[k] = record[k] || "";
    return record;
  }
  DATA.events.forEach((e) => { e.origins = e.origins || 0; });
  DATA.events.forEach((e) => defaults(e, ["sides", "articles", "claims", "contestedBy", "flags",
    "contradictions"], ["summary", "placeName", "admin1", "place", "type", "status"]));
  Object.values(DATA.claims).forEach((c) => defaults(c, ["framing"], ["claimant", "side", "type",
    "modality", "actor", "target", "quantity"]));
  DATA.flags.forEach((f) => defaults(f, ["articles", "evidence"], ["kind", "detail"]));
  Object.values(DATA.articles).forEach((a) => defaults(a, ["passages"], []));
  const byId = new Map(DATA.events.map((e) => [e.id, e]));
  const $ = (id) => document.getElementById(id);

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fillSelect(select, values) {
    for (const [value, label] of values) {
      const option = el("option", null, label);
      option.value = value;
      select.appendChild(option);
    }
  }

  function uniqueSorted(items) {
    const seen = new Map();
    for (const [value, label] of items) if (value && !seen.has(value)) seen.set(value, label);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }

  function setupFilters() {
    const ev = DATA.events;
    fillSelect($("f-type"), uniqueSorted(ev.map((e) => [e.type, e.type])));
    fillSelect($("f-status"), uniqueSorted(ev.map((e) => [e.status, e.status.replace("_", " ")])));
    fillSelect($("f-place"), uniqueSorted(ev.map((e) => [e.place, e.placeName + (e.admin1 ? ", " + e.admin1 : "")])));
    fillSelect($("f-side"), uniqueSorted(ev.flatMap((e) => e.sides.map((s) => [s, s]))));
    for (const id of ["f-search", "f-type", "f-status", "f-place", "f-side", "f-from", "f-to", "f-undated"]) {
      $(id).addEventListener("input", renderTable);
      $(id).addEventListener("change", renderTable);
    }
  }

  function searchText(e) {
    const parts = [e.summary, e.placeName, e.admin1, e.type, e.status, e.date || ""];
    for (const id of e.claims) {
      const c = DATA.claims[id];
      if (c) parts.push(c.claimant, evidenceText(c.article, c.evidence[0], c.evidence[1]));
    }
    return parts.join(" ").toLowerCase();
  }

  function dateMatches(e, from, to, undated) {
    if (!from && !to) return true;
    if (!e.date || (e.precision !== "day" && e.precision !== "month")) return undated;
    const first = e.precision === "month" ? e.date + "-01" : e.date;
    const last = e.precision === "month" ? e.date + "-31" : e.date;
    return (!from || last >= from) && (!to || first <= to);
  }

  function visibleEvents() {
    const q = $("f-search").value.trim().toLowerCase();
    const type = $("f-type").value, status = $("f-status").value;
    const place = $("f-place").value, side = $("f-side").value;
    const from = $("f-from").value, to = $("f-to").value, undated = $("f-undated").checked;
    return DATA.events.filter((e) =>
      (!type || e.type === type) && (!status || e.status === status) &&
      (!place || e.place === place) && (!side || e.sides.includes(side)) &&
      dateMatches(e, from, to, undated) && (!q || searchText(e).includes(q)));
  }

  function dateLabel(e) {
    if (!e.date) return "undated";
    if (e.precision === "day_no_year") return e.date.slice(2) + " (year unknown)";
    return e.date;
  }

  function renderTable() {
    const body = document.querySelector("#events tbody");
    body.replaceChildren();
    const shown = visibleEvents();
    const visible = new Set(shown.map((e) => e.id));
    for (const e of shown) {
      const row = el("tr");
      row.dataset.event = e.id;
      const status = el("span", "badge st-" + e.status, e.status.replace("_", " "));
      const cells = [dateLabel(e), e.type, e.placeName, status, e.sides.join(", "),
        e.articles.length, e.origins, e.summary];
      for (const value of cells) {
        const td = el("td");
        if (value instanceof Node) td.appendChild(value); else td.textContent = String(value);
        row.appendChild(td);
      }
      body.appendChild(row);
    }
    $("count").textContent = shown.length + " of " + DATA.events.length + " events shown";
    for (const node of document.querySelectorAll("#map [data-event], .timeline [data-event]")) {
      node.classList.toggle("dimmed", !visible.has(node.dataset.event));
    }
  }

  function findPassage(articleId, start, end) {
    const article = DATA.articles[articleId];
    if (!article) return null;
    return article.passages.find(([lo, text]) => lo <= start && end <= lo + text.length) || null;
  }

  function evidenceText(articleId, start, end) {
    const passage = findPassage(articleId, start, end);
    return passage ? passage[1].slice(start - passage[0], end - passage[0]) : "";
  }

  const CONTEXT = 150; // characters shown either side of the evidence

  // The text around [start, end): the passage cut to CONTEXT characters either side,
  // at a space where one is near, with the evidence (and a quote) marked.
  function passageNode(articleId, start, end, quote) {
    const article = DATA.articles[articleId];
    const box = el("div", "passage");
    const passage = findPassage(articleId, start, end);
    if (!passage) return box;
    const [lo, text] = passage;
    let from = Math.max(lo, start - CONTEXT), to = Math.min(lo + text.length, end + CONTEXT);
    const space = text.indexOf(" ", from - lo);
    if (from > lo && space >= 0 && space + lo < start) from = lo + space + 1;
    const back = text.lastIndexOf(" ", to - lo);
    if (to < lo + text.length && back + lo > end) to = lo + back;
    const cuts = [[start, end, "evidence"]];
    if (quote && (quote[1] <= start || quote[0] >= end)) cuts.push([quote[0], quote[1], "quote"]);
    cuts.sort((a, b) => a[0] - b[0]);
    const piece = (a, b) => document.createTextNode(text.slice(a - lo, b - lo));
    if (from > 0) box.appendChild(document.createTextNode("… "));
    let at = from;
    for (const [s, t, kind] of cuts) {
      if (s < at || t > to) continue;
      box.appendChild(piece(at, s));
      box.appendChild(el("mark", kind === "quote" ? "quote" : null, text.slice(s - lo, t - lo)));
      at = t;
    }
    box.appendChild(piece(at, to));
    if (to < article.chars) box.appendChild(document.createTextNode(" …"));
    return box;
  }

  function articleLine(articleId) {
    const a = DATA.articles[articleId] || {};
    const bits = [a.title || "(untitled)", a.source, a.published, articleId].filter(Boolean);
    return el("div", "meta", bits.join(" · "));
  }

  function claimNode(id, counter) {
    const c = DATA.claims[id];
    const box = el("div", "claim");
    if (!c) return box;
    const who = (c.anonymous ? "anonymous " : "") + (c.claimant || "unattributed");
    const head = [(counter ? "Counterclaim: " : "") + c.type, who + " (" + c.side + ")", c.modality];
    if (c.date) head.push("date " + c.date);
    if (c.quantity) head.push(c.quantity);
    if (c.actor || c.target) head.push((c.actor || "?") + " → " + (c.target || "?"));
    box.appendChild(el("div", null, head.join(" · ")));
    box.appendChild(articleLine(c.article));
    box.appendChild(passageNode(c.article, c.evidence[0], c.evidence[1], c.quote));
    if (c.framing.length) box.appendChild(el("div", "meta", "framing: " + c.framing.join(", ")));
    return box;
  }

  function contradictionNode(k) {
    const box = el("div", "contra");
    box.appendChild(el("strong", null, "Contradiction on " + k.field));
    const list = el("ul");
    for (const v of k.values) {
      const item = el("li", null, v.value + " — " + (v.articles || []).join(", "));
      for (const [articleId, s, t] of v.evidence || []) item.appendChild(passageNode(articleId, s, t, null));
      list.appendChild(item);
    }
    box.appendChild(list);
    return box;
  }

  function showDetail(id) {
    const e = byId.get(id);
    if (!e) return;
    const box = $("detail");
    box.replaceChildren();
    box.appendChild(el("h3", null, e.summary));
    box.appendChild(el("span", "badge st-" + e.status, e.status.replace("_", " ")));
    box.appendChild(el("p", "meta", [dateLabel(e), e.placeName + (e.admin1 ? ", " + e.admin1 : ""),
      e.articles.length + " article(s)", e.origins + " independent origin(s)",
      "claimant sides: " + (e.sides.join(", ") || "unknown")].join(" · ")));
    if (e.contradictions.length) box.appendChild(el("h4", null, "Contradictions"));
    for (const k of e.contradictions) box.appendChild(contradictionNode(k));
    box.appendChild(el("h4", null, "Claims (" + e.claims.length + ")"));
    for (const cid of e.claims) box.appendChild(claimNode(cid, false));
    for (const cid of e.contestedBy) if (!e.claims.includes(cid)) box.appendChild(claimNode(cid, true));
    if (e.flags.length) box.appendChild(el("h4", null, "Flags"));
    for (const i of e.flags) {
      const f = DATA.flags[i];
      box.appendChild(el("div", "flag", f.kind + ": " + f.detail + " (" + f.articles.join(", ") + ")"));
    }
    for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll("[data-event]")) {
      if (node.dataset.event === id) node.classList.add("selected");
    }
  }

  function onPick(ev) {
    const target = ev.target.closest("[data-event]");
    if (target) showDetail(target.dataset.event);
  }

  document.addEventListener("click", onPick);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onPick(ev); });
  setupFilters();
  renderTable();
  if (location.hash.startsWith("#event=")) showDetail(decodeURIComponent(location.hash.slice(7)));
})();
