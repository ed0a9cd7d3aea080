// The whosaid review page's script, inlined by extract/htmlpage.go. It reads
// the JSON of #data and builds the document index, the quote table (sorting,
// filters) and the speakers table, and shows a quote's attribution on click.
// Columns come from the records themselves, so new record fields show up,
// unless the data names them (data.columns, from --columns).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  const Q = data.quotes, D = data.docs, C = data.colours, P = data.people;
  const docOf = new Array(Q.length);
  D.forEach((d, i) => { for (let k = 0; k < d.quotes; k++) docOf[d.first + k] = i; });

  // Columns of the quote table: the usual ones first, then any scalar field
  // of the records not known here (a new field appears by itself).
  const first = ["doc", "quote", "speaker", "title", "cue", "kind", "status", "rule", "confidence"];
  const hidden = new Set(["id", "start", "end", "mention", "speaker_start", "speaker_end", "cue_start", "cue_end", "line", "sentence", "explain"]);
  const cols = (data.columns || first).slice();
  const seen = new Set(cols);
  if (!data.columns) for (const q of Q) for (const k in q) {
    if (!seen.has(k) && !hidden.has(k) && (q[k] === null || typeof q[k] !== "object")) { seen.add(k); cols.push(k); }
  }
  const numeric = new Set(["confidence", "start", "end", "line", "quotes", "documents"]);

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function head(table, names, onSort) {
    const tr = el("tr");
    names.forEach((n, i) => { const th = el("th", null, n); th.addEventListener("click", () => onSort(i, th)); tr.appendChild(th); });
    table.tHead.appendChild(tr);
  }
  // sortable makes a table's rows sort by a column on a click of its head.
  function sortable(table, key) {
    let col = -1, dir = 1;
    return function (i, th) {
      dir = col === i ? -dir : 1; col = i;
      for (const h of table.tHead.rows[0].cells) h.className = "";
      th.className = dir > 0 ? "asc" : "desc";
      const rows = Array.from(table.tBodies[0].rows);
      rows.sort((a, b) => {
        const x = key(a, i), y = key(b, i);
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
      const f = document.createDocumentFragment();
      rows.forEach(r => f.appendChild(r));
      table.tBodies[0].appendChild(f);
    };
  }
  function cell(v) { return v === null || v === undefined ? "" : v; }

  // The document index.
  const dt = document.getElementById("doctable");
  const langs = D.some(d => d.lang);
  const dcols = langs ? ["#", "id", "title", "date", "lang", "quotes"] : ["#", "id", "title", "date", "quotes"];
  head(dt, dcols, sortable(dt, (r, i) => i === 0 || i === dcols.length - 1 ? +r.cells[i].textContent : r.cells[i].textContent.toLowerCase()));
  const df = document.createDocumentFragment();
  D.forEach((d, i) => {
    const tr = el("tr");
    tr.appendChild(el("td", { class: "num" }, i + 1));
    const a = el("a", { href: "#d" + i }, d.id);
    const td = el("td"); td.appendChild(a); tr.appendChild(td);
    tr.appendChild(el("td", null, d.title));
    tr.appendChild(el("td", null, d.date));
    if (langs) tr.appendChild(el("td", null, d.lang));
    tr.appendChild(el("td", { class: "num" }, d.quotes));
    df.appendChild(tr);
  });
  dt.tBodies[0].appendChild(df);

  // The quote table: the rows that pass the filters, in the order of the
  // sorted column, at most `limit` of them in the page at a time (a button
  // shows the rest), so that 10,000 quotes stay quick. Rows are built when
  // first shown.
  const qt = document.getElementById("quotetable");
  const PAGE = 500;
  let limit = PAGE, order = Q.map((_, n) => n), sortCol = -1, sortDir = 1;
  const rows = new Array(Q.length);
  function key(n, c) {
    const v = c === "speaker" ? P[n] : Q[n][c];
    return typeof v === "number" ? v : String(cell(v)).toLowerCase();
  }
  head(qt, cols, (i, th) => {
    sortDir = sortCol === i ? -sortDir : 1; sortCol = i;
    for (const h of qt.tHead.rows[0].cells) h.className = "";
    th.className = sortDir > 0 ? "asc" : "desc";
    const c = cols[i];
    order.sort((a, b) => { const x = key(a, c), y = key(b, c); return (x < y ? -1 : x > y ? 1 : a - b) * sortDir; });
    render();
  });
  function row(n) {
    if (rows[n]) return rows[n];
    const q = Q[n], tr = el("tr", { class: "q", "data-q": n });
    for (const c of cols) {
      const v = q[c];
      const td = el("td", { class: typeof v === "number" ? "num" : c === "quote" || c === "doc" ? c : "" });
      if (c === "speaker" && v) {
        const s = el("span", { class: "swatch" }); s.style.setProperty("--c", C[n]); td.appendChild(s);
        td.appendChild(document.createTextNode(v));
      } else if (c === "doc") {
        td.appendChild(el("a", { href: "#q" + n, title: "show in the article" }, cell(v)));
      } else {
        td.textContent = cell(v);
      }
      tr.appendChild(td);
    }
    return (rows[n] = tr);
  }
  const more = el("button", { type: "button", id: "more" });
  more.hidden = true;
  qt.after(more);
  more.addEventListener("click", () => { limit = Infinity; render(); });

  // Filters.
  const fs = document.getElementById("f-speaker"), fk = document.getElementById("f-kind"),
    fst = document.getElementById("f-status"), fc = document.getElementById("f-conf"),
    ft = document.getElementById("f-text"), count = document.getElementById("f-count");
  function options(sel, field) {
    const n = new Map();
    Q.forEach((q, i) => { const v = field === "speaker" ? P[i] : cell(q[field]); n.set(v, (n.get(v) || 0) + 1); });
    Array.from(n.keys()).sort().forEach(v => sel.appendChild(el("option", { value: v === "" ? "\u0000" : v }, (v === "" ? "(none)" : v) + " (" + n.get(v) + ")")));
  }
  options(fs, "speaker"); options(fk, "kind"); options(fst, "status");
  function want(sel) { return sel.value === "\u0000" ? "" : sel.value; }
  function render() {
    const sp = fs.value === "" ? null : want(fs), ki = fk.value === "" ? null : want(fk), st = fst.value === "" ? null : want(fst);
    const min = parseFloat(fc.value) || 0, text = ft.value.trim().toLowerCase();
    const f = document.createDocumentFragment();
    let shown = 0, out = 0;
    for (const n of order) {
      const q = Q[n];
      let ok = (sp === null || P[n] === sp) && (ki === null || cell(q.kind) === ki) &&
        (st === null || cell(q.status) === st) && (q.confidence || 0) >= min;
      if (ok && text) {
        ok = [q.quote, q.speaker, P[n], q.title, q.cue, q.doc, q.mention].some(v => v && String(v).toLowerCase().includes(text));
      }
      if (!ok) continue;
      shown++;
      if (out < limit) { f.appendChild(row(n)); out++; }
    }
    qt.tBodies[0].replaceChildren(f);
    count.textContent = shown + " of " + Q.length + " quotes";
    more.hidden = out >= shown;
    more.textContent = "show all " + shown + " (" + (shown - out) + " more)";
  }
  function filter() { limit = PAGE; render(); }
  [fs, fk, fst].forEach(s => s.addEventListener("change", filter));
  [fc, ft].forEach(s => s.addEventListener("input", filter));
  filter();

  // The speakers table.
  const st = document.getElementById("speakertable");
  const scols = ["speaker", "titles", "aliases", "quotes", "documents"];
  head(st, scols, sortable(st, (r, i) => i >= 3 ? +r.cells[i].textContent : r.cells[i].textContent.toLowerCase()));
  const sf = document.createDocumentFragment();
  for (const s of data.speakers) {
    const tr = el("tr");
    const a = el("a", { href: "#quotes" }, s.name);
    a.addEventListener("click", () => { fs.value = s.name; if (fs.value !== s.name) fs.value = ""; filter(); });
    const td = el("td"); td.appendChild(a); tr.appendChild(td);
    tr.appendChild(el("td", null, s.titles.join("; ")));
    tr.appendChild(el("td", null, s.aliases.join("; ")));
    tr.appendChild(el("td", { class: "num" }, s.quotes));
    tr.appendChild(el("td", { class: "num" }, s.documents));
    sf.appendChild(tr);
  }
  st.tBodies[0].appendChild(sf);

  // Marks: a click shows the attribution; #qN in the address selects one.
  const pop = document.getElementById("pop");
  const marks = new Map();
  document.querySelectorAll("mark.q").forEach(m => {
    const n = +m.dataset.q;
    m.style.setProperty("--c", C[n]);
    if (!marks.has(n)) { marks.set(n, m); m.id = "q" + n; }
  });
  const shownFields = ["speaker", "title", "mention", "cue", "rule", "confidence", "status", "kind"];
  function show(m) {
    const n = +m.dataset.q, q = Q[n];
    document.querySelectorAll("mark.sel").forEach(x => x.classList.remove("sel"));
    document.querySelectorAll('mark[data-q="' + n + '"]').forEach(x => x.classList.add("sel"));
    pop.textContent = "";
    const dl = el("dl");
    if (P[n] && P[n] !== q.speaker) {
      dl.appendChild(el("dt", null, "person")); dl.appendChild(el("dd", null, P[n]));
    }
    const fields = shownFields.concat(Object.keys(q).filter(k => !shownFields.includes(k) && !hidden.has(k) && !first.includes(k) && typeof q[k] !== "object"));
    for (const k of fields) {
      dl.appendChild(el("dt", null, k));
      const v = q[k];
      dl.appendChild(el("dd", v === "" || v === null || v === undefined ? { class: "muted" } : null, v === "" || v === null || v === undefined ? "—" : v));
    }
    if (Array.isArray(q.explain) && q.explain.length) {
      dl.appendChild(el("dt", null, "explain"));
      dl.appendChild(el("dd", null, q.explain.join("\n")));
    }
    pop.appendChild(dl);
    const r = m.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 460)) + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
    pop.hidden = false;
  }
  document.addEventListener("click", e => {
    const m = e.target.closest("mark.q");
    if (m) { show(m); e.stopPropagation(); return; }
    if (!e.target.closest("#pop")) pop.hidden = true;
  });
  function fromHash() {
    const h = location.hash.match(/^#q(\d+)$/);
    if (h && marks.has(+h[1])) { const m = marks.get(+h[1]); m.scrollIntoView({ block: "center" }); show(m); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
