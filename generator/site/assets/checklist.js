/* Checklist widget: follows the decision graph compiled at build time (generator/checklist/graph.py).
 * It never evaluates a condition. Each question kind in KINDS below reads the reader's answer, checks it
 * with the same rule as the kind's class in generator/checklist/kinds/, and names the branch the graph
 * follows; the script walks the arrows to the outcome the graph names.
 * Answers stay in the page. On the citizen's own checklist they are also kept in the address's #fragment
 * (a bookmark keeps them; Back brings them back); on staff and partner checklists, which are filled in about
 * someone else, only when the user asks for a link. Nothing is stored or sent. Without JavaScript the page
 * is a printable checklist. */
(function () {
  "use strict";
  var UNKNOWN = "unknown";
  var WHOLE_NUMBER = /^-?[0-9]+$/;
  var AMOUNT = /^([0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:\/(month|year))?$/;
  var ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var MAX_KRONER = 999999999;
  var PER_YEAR = { month: 12, year: 1 };

  function ChecklistError(message) { this.name = "ChecklistError"; this.message = message; }
  ChecklistError.prototype = Object.create(Error.prototype);

  function own(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  /* --- dates: the same arithmetic as generator/checklist/kinds/date.py ------------------------------ */

  function daysInMonth(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
  function dayNumber(d) { return Math.round(Date.UTC(d.y, d.m - 1, d.d) / 86400000); }
  function compare(a, b) { return (a.y - b.y) || (a.m - b.m) || (a.d - b.d); }

  function monthsBack(day, months) {
    var index = day.y * 12 + day.m - 1 - months, y = Math.floor(index / 12), m = index - y * 12 + 1;
    return { y: y, m: m, d: Math.min(day.d, daysInMonth(y, m)) };
  }

  function halfMonths(value, day) {
    var months = (day.y - value.y) * 12 + day.m - value.m;
    var whole = compare(value, monthsBack(day, months)) <= 0 ? months : months - 1;
    return 2 * whole + (compare(value, monthsBack(day, whole)) === 0 ? 0 : 1);
  }

  function parseDate(text) {
    if (!ISO_DATE.test(text)) return null;
    var d = { y: Number(text.slice(0, 4)), m: Number(text.slice(5, 7)), d: Number(text.slice(8, 10)) };
    if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m) || d.y < 1000 || text > "9998-12-31") return null;
    return d;
  }

  /* Today from the reader's own clock (local date). */
  function today() {
    var now = new Date();
    return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
  }

  function bandOf(route, n) {
    for (var i = 0; i < route.bands.length; i++) {
      var b = route.bands[i];
      if ((b[0] === null || n >= b[0]) && (b[1] === null || n <= b[1])) return b[2];
    }
    return null;
  }

  /* --- the question kinds --------------------------------------------------------------------------- */
  /* parse(text, info) → value or null (not an answer this question takes); text(value, info) → the answer's
   * text, as the address keeps it; branch(value, info, day) → the graph's key; read(fs) → the text the page
   * holds (null: no answer yet); restore(fs, text); label(value, info, words, lang); change(fs, input). */

  var radio = {
    parse: function (text, info) { return text !== UNKNOWN && own(info.labels, text) ? text : null; },
    text: function (value) { return value; },
    branch: function (value) { return value; },
    read: function (fs) { var picked = fs.querySelector("input[type=radio]:checked"); return picked ? picked.value : null; },
    restore: function (fs, text) {
      fs.querySelectorAll("input[type=radio]").forEach(function (n) { n.checked = n.value === text; });
    },
    label: function (value, info) { return own(info.labels, value) ? info.labels[value] : String(value); },
    change: function () {}
  };

  /* Kinds answered in a field, with 'Ved ikke' as a checkbox that disables the field. */
  function fieldKind(methods) {
    var kind = {
      read: function (fs) {
        if (fs.querySelector("input[value=unknown]:checked")) return UNKNOWN;
        var text = fs.querySelector("input[name]:not([type=checkbox])").value.trim();
        if (text === "") return null;
        return methods.withPeriod ? text + "/" + fs.querySelector("select[data-period]").value : text;
      },
      restore: function (fs, text) {
        var field = fs.querySelector("input[name]:not([type=checkbox])"), box = fs.querySelector("input[value=unknown]");
        if (text === UNKNOWN && box) { box.checked = true; field.disabled = true; field.value = ""; return; }
        if (box) box.checked = false;
        field.disabled = false;
        var parts = text.split("/");
        field.value = methods.withPeriod ? parts[0] : text;
        if (methods.withPeriod && parts.length === 2 && own(PER_YEAR, parts[1])) fs.querySelector("select[data-period]").value = parts[1];
      },
      change: function (fs, input) {
        if (input.type === "checkbox" && input.value === UNKNOWN) {
          fs.querySelector("input[name]:not([type=checkbox])").disabled = input.checked;
          var period = fs.querySelector("select[data-period]");
          if (period) period.disabled = input.checked;
        }
      }
    };
    Object.keys(methods).forEach(function (name) { kind[name] = methods[name]; });
    return kind;
  }

  var KINDS = Object.create(null);
  KINDS.yes_no = radio;
  KINDS.choice = radio;

  KINDS.number = fieldKind({
    error: "whole_number",
    parse: function (text, info) {
      if (!WHOLE_NUMBER.test(text)) return null;
      var n = Number(text);
      return n >= info.min && n <= info.max ? n : null;
    },
    text: function (value) { return String(value); },
    branch: function (value, info) { return bandOf(info.route, value); },
    label: function (value, info) { return String(value) + (info.unit ? " " + info.unit : ""); }
  });

  KINDS.amount = fieldKind({
    error: "amount",
    withPeriod: true,
    parse: function (text, info) {
      var match = AMOUNT.exec(text);
      if (!match) return null;
      var kroner = Number(match[1].replace(/\./g, ""));
      return kroner <= MAX_KRONER ? { kroner: kroner, per: match[2] || info.per } : null;
    },
    text: function (value) { return value.kroner + "/" + value.per; },
    branch: function (value, info) { return bandOf(info.route, value.kroner * PER_YEAR[value.per]); },
    label: function (value, info, words, lang) {
      return fmt(value.per === "month" ? words.per_month : words.per_year, { amount: value.kroner.toLocaleString(lang) });
    }
  });

  KINDS.date = fieldKind({
    error: "date",
    parse: function (text) { return parseDate(text); },
    text: function (value) {
      function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }
      return pad(value.y, 4) + "-" + pad(value.m, 2) + "-" + pad(value.d, 2);
    },
    branch: function (value, info, day) {
      var mode = info.route.mode, measure;
      if (mode === "date") measure = dayNumber(value);
      else if (mode === "days") measure = dayNumber(day) - dayNumber(value);
      else measure = halfMonths(value, day);
      return bandOf(info.route, measure);
    },
    label: function (value, info, words, lang) { return formatDate(value, lang); }
  });

  KINDS.multiple = {
    parse: function (text, info) {
      if (text === "none") return [];
      var picked = text.split(",");
      for (var i = 0; i < picked.length; i++) if (info.options.indexOf(picked[i]) < 0) return null;
      return info.options.filter(function (o) { return picked.indexOf(o) >= 0; });
    },
    text: function (value) { return value.length ? value.join(",") : "none"; },
    branch: function (value, info) {
      var signature = info.route.tests.map(function (test) {
        var named = test[1], hits = named.filter(function (v) { return value.indexOf(v) >= 0; }).length;
        return (test[0] === "includes_all" ? hits === named.length : hits > 0) ? "1" : "0";
      }).join("");
      return own(info.route.classes, signature) ? info.route.classes[signature] : null;
    },
    read: function (fs) {
      var picked = Array.prototype.map.call(fs.querySelectorAll("input[type=checkbox]:checked"), function (n) { return n.value; });
      if (!picked.length) return null;
      if (picked.indexOf(UNKNOWN) >= 0) return UNKNOWN;
      if (picked.indexOf("none") >= 0) return "none";
      return picked.join(",");
    },
    restore: function (fs, text) {
      var picked = text.split(",");
      fs.querySelectorAll("input[type=checkbox]").forEach(function (n) { n.checked = picked.indexOf(n.value) >= 0; });
    },
    label: function (value, info) {
      if (!value.length) return info.labels.none;
      return value.map(function (v) { return info.labels[v]; }).join(", ");
    },
    /* 'Ingen af dem' and 'Ved ikke' exclude every other box; any other box excludes them. */
    change: function (fs, input) {
      if (input.type !== "checkbox" || !input.checked) return;
      var exclusive = input.hasAttribute("data-exclusive");
      fs.querySelectorAll("input[type=checkbox]").forEach(function (n) {
        if (n !== input && (exclusive || n.hasAttribute("data-exclusive"))) n.checked = false;
      });
    }
  };

  /* --- the widget --------------------------------------------------------------------------------------- */

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function Checklist(form) {
    var script = form.querySelector("script.checklist-data");
    this.result = form.querySelector("[data-outcome]");
    if (!script || !this.result) throw new ChecklistError("checklist markup is incomplete: " + form.dataset.checklist);
    this.form = form;
    this.data = JSON.parse(script.textContent);
    this.nodes = this.data.graph.nodes;
    this.lang = document.documentElement.lang || "da";
    this.fieldsets = Object.create(null);
    var self = this;
    form.querySelectorAll("fieldset[data-question]").forEach(function (fs) {
      if (!own(self.data.questions, fs.dataset.question) || !KINDS[fs.dataset.kind]) {
        throw new ChecklistError("question without data or kind: " + fs.dataset.question);
      }
      self.fieldsets[fs.dataset.question] = fs;
    });
    form.addEventListener("change", function (e) { self.onInput(e); });
    form.addEventListener("input", function (e) { if (e.target.type === "text" || e.target.type === "date") self.onInput(e); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("[data-action=restart]").addEventListener("click", function () { self.restart(); });
    var link = form.querySelector("[data-action=link]");
    if (link) link.addEventListener("click", function () { self.makeLink(); });
    window.addEventListener("hashchange", function () { if (self.restoreFromHash()) self.update(); });
    this.restoreFromHash();
    this.update();
  }

  Checklist.prototype.kindOf = function (q) { return KINDS[this.data.questions[q].kind]; };

  Checklist.prototype.onInput = function (event) {
    var fs = event.target.closest("fieldset[data-question]");
    if (fs) this.kindOf(fs.dataset.question).change(fs, event.target);
    // Staff and partner checklists: the address never keeps a case that has changed since its link was made.
    if (this.data.variant !== "citizen") this.clearLink();
    this.update();
  };

  /* Walk the graph with the answers in the page: the questions on the way, their answers, and the leaf. */
  Checklist.prototype.follow = function () {
    var id = this.data.graph.root, path = [], answers = Object.create(null), day = today();
    while (this.nodes[id].q !== undefined) {
      var node = this.nodes[id], q = node.q, info = this.data.questions[q], kind = KINDS[info.kind];
      var text = kind.read(this.fieldsets[q]), key, value = UNKNOWN;
      path.push(q);
      if (text === null) return { path: path, answers: answers };
      if (text === UNKNOWN) key = UNKNOWN;
      else {
        value = kind.parse(text, info);
        if (value === null) return { path: path, answers: answers, invalid: q };
        key = kind.branch(value, info, day);
        text = kind.text(value, info);
      }
      if (key === null || !own(node.next, key)) return { path: path, answers: answers, invalid: q };
      answers[q] = { text: text, value: value };
      id = node.next[key];
    }
    return { path: path, answers: answers, leaf: this.nodes[id], day: day };
  };

  /* Why the outcome: the questions on the way that its condition tests; for 'maybe', the ones answered
   * 'Ved ikke' that a still possible outcome tests. */
  Checklist.prototype.explain = function (state) {
    var outcomes = this.data.outcomes, leaf = state.leaf;
    if (!leaf.possible) {
      var mentions = outcomes[leaf.outcome].mentions;
      return { reasons: state.path.filter(function (q) { return mentions.indexOf(q) >= 0; }), unknown: [] };
    }
    var unknown = state.path.filter(function (q) {
      return state.answers[q].text === UNKNOWN && leaf.possible.some(function (o) { return outcomes[o].mentions.indexOf(q) >= 0; });
    });
    return { reasons: unknown, unknown: unknown };
  };

  Checklist.prototype.update = function () {
    var state = this.follow(), self = this;
    Object.keys(this.fieldsets).forEach(function (q) {
      var fs = self.fieldsets[q], error = fs.querySelector(".field-error");
      fs.hidden = state.path.indexOf(q) < 0;
      if (!error) return;
      var bad = state.invalid === q, field = fs.querySelector("input[name]:not([type=checkbox])");
      var info = self.data.questions[q], message = self.kindOf(q).error;
      error.hidden = !bad;
      error.textContent = bad ? fmt(self.data.words[message], { min: info.min, max: info.max }) : "";
      field.setAttribute("aria-invalid", bad ? "true" : "false");
      if (bad) field.setAttribute("aria-describedby", error.id); else field.removeAttribute("aria-describedby");
    });
    this.state = state;
    if (this.data.variant === "citizen") this.writeHash(state);
    this.render(state);
  };

  Checklist.prototype.render = function (state) {
    var box = this.result, data = this.data;
    this.announce(state.leaf ? data.outcomes[state.leaf.outcome] : null);
    box.textContent = "";
    if (!state.leaf) { box.dataset.outcome = ""; return; }
    var leaf = state.leaf, outcome = data.outcomes[leaf.outcome], why = this.explain(state);
    box.dataset.outcome = leaf.outcome;
    box.appendChild(el("h2", this.refers(outcome) ? data.words.referral : data.words.result));
    box.appendChild(el("p", fmt(data.words.printed, { date: formatDate(state.day, this.lang) }) + " " + data.title, "print-only"));
    var source = document.querySelector('.outcome-list [data-outcome-id="' + leaf.outcome + '"]');
    var card = source.cloneNode(true);
    card.removeAttribute("aria-labelledby");
    card.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    box.appendChild(card);
    if (why.unknown.length) {
      box.appendChild(el("h3", data.words.to_clarify));
      var todo = el("ul");
      why.unknown.forEach(function (q) {
        var info = data.questions[q];
        todo.appendChild(el("li", info.text + " " + fmt(data.words.ask, { contact: info.clarify || data.default_contact })));
      });
      box.appendChild(todo);
    } else if (why.reasons.length) {
      box.appendChild(el("h3", data.words.why));
      var list = el("ul");
      why.reasons.forEach(function (q) { list.appendChild(el("li", data.questions[q].text + " " + fmt(data.words.your_answer, { answer: this.label(q, state.answers[q]) }))); }, this);
      box.appendChild(list);
    }
    if (data.uses_today) box.appendChild(el("p", fmt(data.words.today_used, { date: formatDate(state.day, this.lang) }), "today-used"));
    this.renderSummary(state);
    if (data.variant === "staff") this.renderJournal(state, outcome, why);
    if (this.refers(outcome)) this.renderReferral();
  };

  /* A partner's result is a referral (heading, printed sheet) only when it sends the person on with something
   * to bring; "the person does not want to start a business now" refers no one, so it prints as a result. */
  Checklist.prototype.refers = function (outcome) {
    return this.data.variant === "partner" && !!outcome && !!outcome.bring && outcome.bring.length > 0;
  };

  /* Say the outcome in one short sentence (verdict and title) in the page's polite status region, once per
   * outcome, and offer a button to the full result; the reader's focus stays where it is. */
  Checklist.prototype.announce = function (outcome) {
    var status = this.form.querySelector("[data-result-status]"), jump = this.form.querySelector("[data-action=show-result]");
    if (!status || !jump) return;
    var words = this.data.words, box = this.result;
    var text = outcome ? (this.refers(outcome) ? words.referral : words.result) + ": " + (outcome.verdict ? outcome.verdict + ". " : "") + outcome.title : "";
    if (status.textContent !== text) status.textContent = text;
    jump.hidden = !outcome;
    if (!jump.dataset.ready) {
      jump.dataset.ready = "true";
      jump.addEventListener("click", function () {
        var heading = box.querySelector("h2");
        heading.tabIndex = -1;
        heading.focus();
      });
    }
  };

  Checklist.prototype.label = function (q, answer) {
    var info = this.data.questions[q];
    if (answer.text === UNKNOWN) return info.labels.unknown;
    return KINDS[info.kind].label(answer.value, info, this.data.words, this.lang);
  };

  Checklist.prototype.renderSummary = function (state) {
    var box = this.result, self = this;
    box.appendChild(el("h3", self.data.words.your_answers));
    var list = el("dl", null, "answers-summary");
    state.path.forEach(function (q) {
      var info = self.data.questions[q];
      list.appendChild(el("dt", fmt(self.data.words.question_n, { n: info.n }) + " " + info.text));
      var dd = el("dd", self.label(q, state.answers[q]) + " ");
      var change = el("a", self.data.words.change, "change-answer");
      change.href = "#q-" + q;
      change.setAttribute("aria-label", fmt(self.data.words.change_n, { n: info.n }));
      change.addEventListener("click", function (e) { e.preventDefault(); self.focusQuestion(q); });
      dd.appendChild(change);
      list.appendChild(dd);
    });
    box.appendChild(list);
  };

  Checklist.prototype.focusQuestion = function (q) {
    var fs = this.fieldsets[q];
    var target = fs.querySelector("input:checked") || fs.querySelector("input:not([disabled])") || fs.querySelector("input");
    fs.scrollIntoView({ block: "center" });
    target.focus();
  };

  Checklist.prototype.noteText = function (state, outcome, why) {
    var self = this, lines = [], w = this.data.words;
    lines.push(this.data.title);
    lines.push(w.note_date + " " + formatDate(state.day, this.lang));
    lines.push("");
    lines.push(w.note_answers);
    state.path.forEach(function (q) { lines.push("- " + self.data.questions[q].text + " " + self.label(q, state.answers[q])); });
    lines.push("");
    lines.push(w.note_result + " " + (outcome.verdict ? outcome.verdict + ": " : "") + outcome.title);
    lines.push(w.note_reason + " " + outcome.explanation);
    if (why.unknown.length) {
      lines.push(w.note_clarify + " " + why.unknown.map(function (q) { return self.data.questions[q].text; }).join(" "));
    }
    if (outcome.legal.length) lines.push(w.note_legal + " " + outcome.legal.join("; "));
    lines.push(w.note_next + " " + outcome.next.join(" "));
    lines.push(w.note_contact + " " + outcome.contact);
    return lines.join("\n");
  };

  Checklist.prototype.renderJournal = function (state, outcome, why) {
    var box = this.result, wrap = el("div", null, "journal"), w = this.data.words;
    var id = "journal-" + this.data.id;
    var label = el("label", w.journal_label);
    label.htmlFor = id;
    var text = el("textarea");
    text.id = id; text.readOnly = true; text.rows = 12; text.value = this.noteText(state, outcome, why);
    var copy = el("button", w.copy, "md-button");
    copy.type = "button";
    var status = el("p", "", "copy-status");
    status.setAttribute("role", "status");
    copy.addEventListener("click", function () {
      text.select();
      var done = function () { status.textContent = w.copied; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    var print = el("button", w.print, "md-button");
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    wrap.appendChild(el("h3", w.journal));
    wrap.appendChild(label); wrap.appendChild(text); wrap.appendChild(copy); wrap.appendChild(print); wrap.appendChild(status);
    box.appendChild(wrap);
  };

  Checklist.prototype.renderReferral = function () {
    var print = el("button", this.data.words.print_referral, "md-button");
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    var p = el("p", null, "referral-actions");
    p.appendChild(print);
    this.result.appendChild(p);
  };

  Checklist.prototype.restart = function () {
    this.form.reset();
    this.form.querySelectorAll("input, select").forEach(function (n) { n.disabled = false; });
    if (this.data.variant !== "citizen") this.clearLink();
    this.update();
    this.focusQuestion(this.nodes[this.data.graph.root].q);
  };

  /* --- the address ---------------------------------------------------------------------------------- */
  /* The #fragment can hold the answers (svar=q:answer;q:answer); it never reaches a server. */

  Checklist.prototype.hashOf = function (state) {
    var parts = state.path.filter(function (q) { return own(state.answers, q); }).map(function (q) { return q + ":" + state.answers[q].text; });
    return parts.length ? "#svar=" + parts.join(";") : "";
  };

  Checklist.prototype.writeHash = function (state) {
    var hash = this.hashOf(state);
    if (location.hash !== hash && (hash || location.hash.indexOf("#svar=") === 0)) {
      history.replaceState(null, "", location.pathname + location.search + hash);
    }
  };

  /* Staff and partner checklists: put the answers in the address only now, and show the link to copy. */
  Checklist.prototype.makeLink = function () {
    this.writeHash(this.state);
    var box = this.form.querySelector(".answers-link");
    box.hidden = false;
    box.querySelector("input").value = location.href;
    box.querySelector(".link-note").textContent = this.data.words.link_made;
    box.querySelector("input").select();
  };

  Checklist.prototype.clearLink = function () {
    if (location.hash.indexOf("#svar=") === 0) history.replaceState(null, "", location.pathname + location.search);
    var box = this.form.querySelector(".answers-link");
    if (box) { box.hidden = true; box.querySelector("input").value = ""; }
  };

  /* Restore answers from the address; true if it held any. Unknown questions and bad answers are ignored. */
  Checklist.prototype.restoreFromHash = function () {
    if (location.hash.indexOf("#svar=") !== 0) return false;
    var text;
    try { text = decodeURIComponent(location.hash.slice(6)); } catch (e) { return false; }
    var self = this;
    text.split(";").forEach(function (pair) {
      var i = pair.indexOf(":");
      if (i < 1) return;
      var q = pair.slice(0, i), answer = pair.slice(i + 1);
      if (!(q in self.fieldsets)) return;
      var info = self.data.questions[q], kind = KINDS[info.kind];
      if (answer === UNKNOWN ? own(info.labels, UNKNOWN) && self.fieldsets[q].querySelector("input[value=unknown]") : kind.parse(answer, info) !== null) {
        kind.restore(self.fieldsets[q], answer);
      }
    });
    return true;
  };

  /* Fill %(name)s placeholders of a translated sentence. */
  function fmt(template, params) {
    return template.replace(/%\((\w+)\)s/g, function (all, name) { return own(params, name) ? String(params[name]) : all; });
  }

  /* A day as the page's language writes it, e.g. '6. marts 2015'. */
  function formatDate(day, lang) {
    return new Date(day.y, day.m - 1, day.d).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
  }

  function start() {
    document.documentElement.classList.add("checklist-js");
    document.querySelectorAll("form[data-module=checklist]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "true";
      form.checklist = new Checklist(form);
    });
  }

  // Under Node (tests/checklist/test_kinds.py), export the kinds' rules instead of starting on a page.
  if (typeof module === "object" && module.exports) {
    module.exports = { KINDS: KINDS, halfMonths: halfMonths, parseDate: parseDate, dayNumber: dayNumber };
    return;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
