/* Checklist widget: follows the decision graph compiled at build time (generator/logic.py).
 * It never decides anything itself: it reads the answers, walks the graph, and shows the outcome the
 * graph names. Answers stay in the page (and, if the reader wants, the address's #fragment); nothing is
 * stored or sent. Without JavaScript the page is a printable checklist. */
(function () {
  "use strict";
  var UNKNOWN = "unknown";

  function ChecklistError(message) { this.name = "ChecklistError"; this.message = message; }
  ChecklistError.prototype = Object.create(Error.prototype);

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
    this.fieldsets = {};
    var self = this;
    form.querySelectorAll("fieldset[data-question]").forEach(function (fs) { self.fieldsets[fs.dataset.question] = fs; });
    form.addEventListener("change", function (e) { self.onInput(e); });
    form.addEventListener("input", function (e) { if (e.target.type === "number") self.onInput(e); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("[data-action=restart]").addEventListener("click", function () { self.restart(); });
    this.restoreFromHash();
    this.update();
  }

  Checklist.prototype.onInput = function (event) {
    var t = event.target;
    if (t.type === "checkbox" && t.value === UNKNOWN) {  // 'Ved ikke' on a number question
      var number = this.fieldsets[t.name].querySelector("input[type=number]");
      number.disabled = t.checked;
    }
    this.update();
  };

  Checklist.prototype.answerOf = function (q) {
    var fs = this.fieldsets[q];
    var picked = fs.querySelector("input[type=radio]:checked, input[type=checkbox]:checked");
    if (picked) return picked.value;
    var number = fs.querySelector("input[type=number]");
    if (number && number.value.trim() !== "") return number.value.trim();
    return undefined;
  };

  Checklist.prototype.follow = function () {
    var id = this.data.graph.root, path = [], answers = {};
    while (this.nodes[id].q !== undefined) {
      var node = this.nodes[id], q = node.q, answer = this.answerOf(q), key = answer;
      path.push(q);
      if (answer === undefined) return { path: path, answers: answers };
      if (node.bands && answer !== UNKNOWN) key = bandOf(node.bands, answer);
      if (key === null || !(key in node.next)) return { path: path, answers: answers, invalid: q };
      answers[q] = answer;
      id = node.next[key];
    }
    return { path: path, answers: answers, leaf: this.nodes[id] };
  };

  function bandOf(bands, value) {
    if (!/^-?\d+$/.test(value)) return null;
    var n = Number(value);
    for (var i = 0; i < bands.length; i++) if (n >= bands[i][0] && n <= bands[i][1]) return bands[i][2];
    return null;
  }

  Checklist.prototype.update = function () {
    var state = this.follow(), self = this;
    Object.keys(this.fieldsets).forEach(function (q) {
      var fs = self.fieldsets[q], error = fs.querySelector(".field-error");
      fs.hidden = state.path.indexOf(q) < 0;
      if (error) {
        var bad = state.invalid === q, number = fs.querySelector("input[type=number]");
        error.hidden = !bad;
        error.textContent = bad ? fmt(self.data.words.whole_number, { min: self.data.questions[q].min, max: self.data.questions[q].max }) : "";
        number.setAttribute("aria-invalid", bad ? "true" : "false");
        if (bad) number.setAttribute("aria-describedby", error.id); else number.removeAttribute("aria-describedby");
      }
    });
    this.state = state;
    this.writeHash(state.answers);
    this.render(state);
  };

  Checklist.prototype.render = function (state) {
    var box = this.result, data = this.data;
    this.announce(state.leaf ? data.outcomes[state.leaf.outcome] : null);
    box.textContent = "";
    if (!state.leaf) { box.dataset.outcome = ""; return; }
    var leaf = state.leaf, outcome = data.outcomes[leaf.outcome];
    box.dataset.outcome = leaf.outcome;
    box.appendChild(el("h2", data.style === "partner" ? data.words.referral : data.words.result));
    box.appendChild(el("p", fmt(data.words.printed, { date: today() }) + " " + data.title, "print-only"));
    var source = document.querySelector('.outcome-list [data-outcome-id="' + leaf.outcome + '"]');
    var card = source.cloneNode(true);
    card.removeAttribute("aria-labelledby");
    card.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    box.appendChild(card);
    if (leaf.unknown.length) {
      box.appendChild(el("h3", data.words.to_clarify));
      var todo = el("ul");
      leaf.unknown.forEach(function (q) {
        var info = data.questions[q];
        todo.appendChild(el("li", info.text + " " + fmt(data.words.ask, { contact: (info.clarify || data.default_contact).toLowerCase() })));
      });
      box.appendChild(todo);
    } else if (leaf.reasons.length) {
      box.appendChild(el("h3", data.words.why));
      var why = el("ul");
      leaf.reasons.forEach(function (q) { why.appendChild(el("li", data.questions[q].text + " " + fmt(data.words.your_answer, { answer: this.label(q, state.answers[q]) }))); }, this);
      box.appendChild(why);
    }
    this.renderSummary(state);
    if (data.style === "staff") this.renderJournal(state, outcome);
    if (data.style === "partner") this.renderReferral();
  };

  /* Say the outcome in one short sentence (verdict and title) in the page's polite status region, once per
   * outcome, and offer a button to the full result; the reader's focus stays where it is. */
  Checklist.prototype.announce = function (outcome) {
    var status = this.form.querySelector("[data-result-status]"), jump = this.form.querySelector("[data-action=show-result]");
    if (!status || !jump) return;
    var words = this.data.words, box = this.result;
    var text = outcome ? (this.data.style === "partner" ? words.referral : words.result) + ": " + outcome.verdict + ". " + outcome.title : "";
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

  Checklist.prototype.label = function (q, value) {
    var info = this.data.questions[q];
    if (info.kind === "number" && value !== UNKNOWN) return String(value);
    return info.labels[value] || value;
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

  Checklist.prototype.noteText = function (state, outcome) {
    var self = this, lines = [], w = this.data.words;
    lines.push(this.data.title);
    lines.push(w.note_date + " " + today());
    lines.push("");
    lines.push(w.note_answers);
    state.path.forEach(function (q) { lines.push("- " + self.data.questions[q].text + " " + self.label(q, state.answers[q])); });
    lines.push("");
    lines.push(w.note_result + " " + outcome.verdict + ": " + outcome.title);
    lines.push(w.note_reason + " " + outcome.explanation);
    if (state.leaf.unknown.length) {
      lines.push(w.note_clarify + " " + state.leaf.unknown.map(function (q) { return self.data.questions[q].text; }).join(" "));
    }
    if (outcome.legal.length) lines.push(w.note_legal + " " + outcome.legal.join("; "));
    lines.push(w.note_next + " " + outcome.next.join(" "));
    lines.push(w.note_contact + " " + outcome.contact);
    return lines.join("\n");
  };

  Checklist.prototype.renderJournal = function (state, outcome) {
    var box = this.result, wrap = el("div", null, "journal"), w = this.data.words;
    var id = "journal-" + this.data.id;
    var label = el("label", w.journal_label);
    label.htmlFor = id;
    var text = el("textarea");
    text.id = id; text.readOnly = true; text.rows = 12; text.value = this.noteText(state, outcome);
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
    this.form.querySelectorAll("input[type=number]").forEach(function (n) { n.disabled = false; });
    this.update();
    this.focusQuestion(this.data.graph.nodes[this.data.graph.root].q);
  };

  /* The address's #fragment can hold the answers (svar=q:v;q:v) so a case can be bookmarked; it never
   * reaches a server. */
  Checklist.prototype.writeHash = function (answers) {
    var parts = Object.keys(answers).map(function (q) { return q + ":" + answers[q]; });
    var hash = parts.length ? "#svar=" + parts.join(";") : "";
    if (location.hash !== hash && (hash || location.hash.indexOf("#svar=") === 0)) {
      history.replaceState(null, "", location.pathname + location.search + hash);
    }
  };

  Checklist.prototype.restoreFromHash = function () {
    if (location.hash.indexOf("#svar=") !== 0) return;
    var self = this;
    decodeURIComponent(location.hash.slice(6)).split(";").forEach(function (pair) {
      var i = pair.indexOf(":"), q = pair.slice(0, i), value = pair.slice(i + 1), fs = self.fieldsets[q];
      if (!fs) return;
      var choice = Array.prototype.find.call(fs.querySelectorAll("input[type=radio], input[type=checkbox]"), function (n) { return n.value === value; });
      if (choice) { choice.checked = true; var num = fs.querySelector("input[type=number]"); if (num) num.disabled = true; }
      else if (fs.querySelector("input[type=number]")) fs.querySelector("input[type=number]").value = value;
    });
  };

  /* Fill %(name)s placeholders of a translated sentence. */
  function fmt(template, params) {
    return template.replace(/%\((\w+)\)s/g, function (all, name) { return name in params ? String(params[name]) : all; });
  }

  /* Today's date as the page's language writes it. */
  function today() {
    return new Date().toLocaleDateString(document.documentElement.lang || "da");
  }

  function start() {
    document.documentElement.classList.add("checklist-js");
    document.querySelectorAll("form[data-module=checklist]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "true";
      form.checklist = new Checklist(form);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
