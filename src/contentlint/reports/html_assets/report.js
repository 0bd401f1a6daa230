// Draws the article table and, when one is opened, the article with its findings highlighted.
// Every piece of report data reaches the page as a text node or an attribute value set through
// the DOM, never as markup, so article text cannot add elements or run script.
(function () {
  "use strict";
  var PAGE_SIZE = 50;
  var TARGET_GRADE = 8;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var categories = data.categories;
  var articles = data.articles.filter(function (a) { return a.error === null; });
  articles.forEach(function (a, i) { a.rank = i + 1; });

  var state = { key: "rank", descending: false, filter: "", page: 0 };
  var overview = document.getElementById("overview");
  var reader = document.getElementById("article");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function categoryClass(category) {
    return "cat-" + (categories.indexOf(category) >= 0 ? category : "other");
  }

  function severityClass(severity) {
    return "sev-" + (["error", "warning", "info"].indexOf(severity) >= 0 ? severity : "info");
  }

  function formatNumber(value) {
    if (value === null || value === undefined) { return "–"; }
    return Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(1);
  }

  // ---- the article table -------------------------------------------------------------------

  function sortValue(article, key) {
    if (key === "title") { return (article.title || article.path).toLowerCase(); }
    return article[key];
  }

  function compare(a, b) {
    var x = sortValue(a, state.key), y = sortValue(b, state.key);
    if (x === y) { return a.rank - b.rank; }
    if (x === null) { return 1; }  // articles without a value go last in either direction
    if (y === null) { return -1; }
    var order = x < y ? -1 : 1;
    return state.descending ? -order : order;
  }

  function visibleArticles() {
    var needle = state.filter.toLowerCase();
    var shown = needle ? articles.filter(function (a) {
      return a.path.toLowerCase().indexOf(needle) >= 0 || a.title.toLowerCase().indexOf(needle) >= 0;
    }) : articles.slice();
    return shown.sort(compare);
  }

  function drawTable() {
    var shown = visibleArticles();
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var first = state.page * PAGE_SIZE;
    var body = document.querySelector("#articles tbody");
    var rows = shown.slice(first, first + PAGE_SIZE).map(function (a) {
      var link = el("a", { href: "#article/" + a.rank, text: a.title || a.path });
      var grade = el("td", { "class": "number", text: formatNumber(a.grade) });
      if (a.grade !== null && a.grade > TARGET_GRADE) { grade.className += " over-target"; }
      var row = el("tr", { "data-rank": String(a.rank) }, [
        el("td", { "class": "number", text: String(a.rank) }),
        el("td", {}, [link, a.title ? el("span", { "class": "path", text: a.path }) : null]),
        el("td", { "class": "number", text: formatNumber(a.count) }),
        el("td", { "class": "number", text: formatNumber(a.errors) }),
        el("td", { "class": "number", text: formatNumber(a.warnings) }),
        grade,
        el("td", { "class": "number", text: formatNumber(a.words) })
      ]);
      row.addEventListener("click", function () { location.hash = "#article/" + a.rank; });
      return row;
    });
    body.replaceChildren.apply(body, rows);
    document.getElementById("page-info").textContent = shown.length === 0 ? "No articles match" :
      (first + 1) + "–" + Math.min(first + PAGE_SIZE, shown.length) + " of " + shown.length.toLocaleString("en");
    document.getElementById("prev").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page >= pages - 1;
    document.querySelectorAll("#articles th").forEach(function (th) {
      if (th.dataset.key === state.key) {
        th.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }

  document.querySelectorAll("#articles th").forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var key = th.dataset.key;
      if (state.key === key) {
        state.descending = !state.descending;
      } else {
        state.key = key;
        // numbers are most useful largest first (most findings, highest grade); names A to Z
        state.descending = th.dataset.type === "number" && key !== "rank";
      }
      state.page = 0;
      drawTable();
    });
  });
  document.getElementById("filter").addEventListener("input", function (event) {
    state.filter = event.target.value;
    state.page = 0;
    drawTable();
  });
  document.getElementById("prev").addEventListener("click", function () { state.page -= 1; drawTable(); });
  document.getElementById("next").addEventListener("click", function () { state.page += 1; drawTable(); });

  // ---- one article -------------------------------------------------------------------------

  // Findings travel as arrays (fields named in finding_fields, texts shared): objects on first use.
  function expand(article) {
    if (!article.expanded) {
      var fields = data.finding_fields;
      article.findings = article.findings.map(function (row) {
        var finding = {};
        fields.forEach(function (name, i) { finding[name] = row[i]; });
        finding.message = data.texts[finding.message];
        finding.suggestion = finding.suggestion >= 0 ? data.texts[finding.suggestion] : null;
        finding.article = finding.article === 1;
        return finding;
      });
      article.expanded = true;
    }
    return article;
  }

  function ruleDetails(code) {
    var rule = data.rules[code];
    if (!rule) { return null; }
    var parts = [el("summary", { text: "About " + code + " " + rule.name })];
    [["", rule.summary], ["What it flags: ", rule.description], ["Why: ", rule.rationale]].forEach(function (p) {
      if (p[1]) { parts.push(el("p", {}, [p[0] ? el("strong", { text: p[0] }) : null, p[1]])); }
    });
    if (rule.sources.length) {
      parts.push(el("p", {}, [el("strong", { text: "Sources: " }), rule.sources.join("; ")]));
    }
    return el("details", {}, parts);
  }

  function findingCard(finding, index) {
    return el("li", { "class": "card", id: "finding-" + index, "data-finding": String(index) }, [
      el("div", { "class": "where" }, [
        el("span", { "class": "sev " + severityClass(finding.severity), text: finding.severity }), " ",
        el("span", { "class": "swatch " + categoryClass(finding.category), text: finding.category }),
        " line " + finding.line + ", column " + finding.column
      ]),
      el("div", { "class": "rule", text: finding.rule + " " + finding.name }),
      el("p", { "class": "message", text: finding.message }),
      finding.suggestion ? el("p", { "class": "suggestion", text: "↳ " + finding.suggestion }) : null,
      ruleDetails(finding.rule)
    ]);
  }

  function tooltip(article, indexes) {
    return indexes.map(function (i) {
      var f = article.findings[i];
      return f.rule + " (" + f.severity + "): " + f.message + (f.suggestion ? "\n↳ " + f.suggestion : "");
    }).join("\n\n");
  }

  // The article's text, one span per line of the file (its number shown beside it by the style
  // sheet, so copying the text copies no numbers); a finding that runs over several lines gets a
  // mark on each.
  function prose(article) {
    var marks = [];
    var lineNumber = 1;
    var line = el("span", { "class": "ln", "data-line": "1" }, []);
    var lines = [line];
    function newLine() {
      lineNumber += 1;
      line = el("span", { "class": "ln", "data-line": String(lineNumber) }, []);
      lines.push(line);
    }
    function piece(text, indexes) {
      if (indexes.length === 0) { return document.createTextNode(text); }
      var first = article.findings[indexes[0]];
      var mark = el("mark", {
        "class": "hl " + categoryClass(first.category) + (indexes.length > 1 ? " multi" : ""),
        "data-findings": indexes.join(" "),
        tabindex: "0",
        title: tooltip(article, indexes),
        text: text
      });
      marks.push(mark);
      return mark;
    }
    article.segments.forEach(function (segment) {
      var rows = segment[0].split("\n");
      rows.forEach(function (row, i) {
        if (i > 0) {
          line.appendChild(document.createTextNode("\n"));
          newLine();
        }
        if (row) { line.appendChild(piece(row, segment[1])); }
      });
    });
    return { element: el("pre", { "class": "prose" }, lines), marks: marks };
  }

  function select(index, from) {
    reader.querySelectorAll(".active").forEach(function (node) { node.classList.remove("active"); });
    var card = document.getElementById("finding-" + index);
    if (card) { card.classList.add("active"); }
    var marks = Array.prototype.filter.call(reader.querySelectorAll("mark.hl"), function (mark) {
      return mark.dataset.findings.split(" ").indexOf(String(index)) >= 0;
    });
    marks.forEach(function (mark) { mark.classList.add("active"); });
    var target = from === "mark" ? card : marks[0];
    if (target) { target.scrollIntoView({ block: "nearest" }); }
  }

  function metricList(article) {
    var shown = [["words", "words"], ["sentences", "sentences"]];
    var items = [];
    if (article.grade !== null) { items.push([data.grade_metric.replace(/_/g, " "), article.grade]); }
    shown.forEach(function (m) {
      if (article.metrics[m[0]] !== undefined) { items.push([m[1], article.metrics[m[0]]]); }
    });
    Object.keys(article.metrics).forEach(function (key) {
      if (key !== "words" && key !== "sentences" && key !== data.grade_metric) { items.push([key.replace(/_/g, " "), article.metrics[key]]); }
    });
    items.push(["findings", article.count], ["errors", article.errors], ["warnings", article.warnings]);
    return el("dl", { "class": "metrics" }, items.map(function (item) {
      return el("div", {}, [el("dt", { text: item[0] }), el("dd", { text: formatNumber(item[1]) })]);
    }));
  }

  function drawArticle(article) {
    var whole = [], inText = [];
    var rank = { error: 0, warning: 1, info: 2 };
    article.findings.forEach(function (f, i) { (f.article ? whole : inText).push(findingCard(f, i)); });
    whole.sort(function (x, y) {  // the most severe first; stable, so in line order within a severity
      return rank[article.findings[x.dataset.finding].severity] - rank[article.findings[y.dataset.finding].severity];
    });
    var parts = [
      el("a", { href: "#", "class": "back", text: "← All articles" }),
      el("div", { "class": "article-head" }, [
        el("h2", { text: article.title || article.path }),
        el("p", { "class": "path", text: article.path })
      ]),
      metricList(article)
    ];
    if (whole.length) {
      parts.push(el("section", { "class": "article-level" }, [
        el("h3", { text: "About the whole article" }), el("ul", { "class": "findings plain" }, whole)
      ]));
    }
    var text;
    if (article.segments === null) {
      text = { element: el("p", { "class": "notice", text: "The text of this file was not available when the report was written." }), marks: [] };
    } else {
      text = prose(article);
    }
    var side = inText.length ? el("ol", { "class": "findings" }, inText) :
      el("p", { "class": "notice", text: "No findings in the text." });
    parts.push(el("div", { "class": "reader" }, [text.element, side]));
    reader.replaceChildren.apply(reader, parts);
    text.marks.forEach(function (mark) {
      function activate() { select(Number(mark.dataset.findings.split(" ")[0]), "mark"); }
      mark.addEventListener("click", activate);
      mark.addEventListener("keydown", function (event) { if (event.key === "Enter") { activate(); } });
    });
    reader.querySelectorAll("li.card").forEach(function (card) {
      card.addEventListener("click", function (event) {
        if (event.target.closest("details")) { return; }
        select(Number(card.dataset.finding), "card");
      });
    });
  }

  function route() {
    var match = /^#article\/(\d+)$/.exec(location.hash);
    var article = match ? articles[Number(match[1]) - 1] : undefined;
    if (article) {
      drawArticle(expand(article));
      overview.hidden = true;
      reader.hidden = false;
      document.title = (article.title || article.path) + " · contentlint report";
      window.scrollTo(0, 0);
    } else {
      reader.hidden = true;
      reader.replaceChildren();
      overview.hidden = false;
      document.title = document.querySelector("title").dataset.overview || document.title;
    }
  }

  document.querySelector("title").dataset.overview = document.title;
  window.addEventListener("hashchange", route);
  drawTable();
  route();
}());
