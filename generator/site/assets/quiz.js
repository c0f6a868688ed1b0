/* Knowledge-check quizzes on the training pages: immediate feedback with the explanation and the rule or law
 * behind the answer. Without JavaScript the answer is in a <details>; nothing is stored or sent. */
(function () {
  "use strict";

  function QuizError(message) { this.name = "QuizError"; this.message = message; }
  QuizError.prototype = Object.create(Error.prototype);

  function fmt(template, params) {
    return template.replace(/%\((\w+)\)s/g, function (all, name) { return name in params ? String(params[name]) : all; });
  }

  function Quiz(form, words) {
    this.form = form;
    this.words = words;
    this.feedback = form.querySelector(".quiz-feedback");
    this.explanation = form.querySelector(".quiz-explanation");
    var button = form.querySelector("[data-action=check]");
    if (!this.feedback || !this.explanation || !button) throw new QuizError("quiz markup is incomplete: " + form.dataset.quiz);
    this.explanation.hidden = true;  // with JavaScript the answer comes after the reader's own try
    button.addEventListener("click", this.check.bind(this));
  }

  Quiz.prototype.check = function () {
    var chosen = this.form.querySelector("input[type=radio]:checked"), box = this.feedback, w = this.words;
    box.textContent = "";
    if (!chosen) { box.appendChild(el("p", w.choose, "quiz-verdict")); box.dataset.result = ""; return; }
    var right = chosen.value === this.form.dataset.answer;
    box.dataset.result = right ? "right" : "wrong";
    box.appendChild(el("p", (right ? "✓ " : "✗ ") + (right ? w.right : w.wrong), "quiz-verdict"));
    var body = this.explanation.cloneNode(true);
    body.querySelectorAll("summary").forEach(function (n) { n.remove(); });
    Array.prototype.forEach.call(body.children, function (n) { box.appendChild(n.cloneNode(true)); });
  };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== null && text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function start() {
    var data = document.querySelector("script.quiz-words");
    if (!data) return;
    var words = JSON.parse(data.textContent);
    document.querySelectorAll("form[data-module=quiz]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "true";
      form.quiz = new Quiz(form, words);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
