// Invented stand-in for the bits of LinkedIn's own page script that Roos works with,
// injected by tests/extension/harness.py into the static fixture pages:
// - every open editor (comment, reply, share box) gets LinkedIn's submit button, disabled until
//   the editor's model hears an input event (LinkedIn ignores text that arrives without one);
// - the "Reageren"/"Comment" button of a post opens its comment box if it is not open yet;
// - submitting records what would have been posted in window.__posted (and empties the editor),
//   so a test can see that Roos itself never submits anything.
(() => {
  "use strict";
  window.__posted = [];
  const dutch = document.documentElement.lang === "nl";
  const EDITOR = '.ql-editor[contenteditable="true"], [contenteditable="true"][role="textbox"]';
  const POST = ".feed-shared-update-v2, [role='listitem']";

  function submitButton(editor, kind) {
    const button = document.createElement("button");
    button.type = "submit";
    button.className = `artdeco-button roos-fixture-submit ${kind}-submit`;
    button.disabled = true;
    button.textContent = kind === "share" ? (dutch ? "Posten" : "Post") : dutch ? "Reageren" : "Comment";
    // LinkedIn's editor model only updates on input events.
    editor.addEventListener("input", () => {
      button.disabled = editor.textContent.trim() === "";
    });
    button.addEventListener("click", (event) => {
      event.preventDefault();
      window.__posted.push({ kind, text: editor.innerText.trim() });
      editor.replaceChildren(document.createElement("p"));
      button.disabled = true;
    });
    return button;
  }

  function equip(editor) {
    if (editor.dataset.fixtureEquipped) return;
    editor.dataset.fixtureEquipped = "1";
    const form = editor.closest("form");
    const modal = editor.closest("[role='dialog']");
    if (form) form.addEventListener("submit", (event) => event.preventDefault());
    (form || modal || editor.parentElement).append(submitButton(editor, modal ? "share" : "comment"));
  }

  function openCommentBox(post) {
    const list =
      post.querySelector(".comments-comments-list, .feed-shared-update-v2__comments-container") || post;
    const box = document.createElement("div");
    box.className = "comments-comment-box comments-comment-box--cr";
    const form = document.createElement("form");
    form.className = "comments-comment-box__form";
    const editor = document.createElement("div");
    editor.className = "ql-editor ql-blank";
    editor.setAttribute("contenteditable", "true");
    editor.setAttribute("role", "textbox");
    editor.append(document.createElement("p"));
    form.append(editor);
    box.append(form);
    list.prepend(box);
    equip(editor);
  }

  function hasOwnEditor(post) {
    return [...post.querySelectorAll(EDITOR)].some(
      (editor) => !editor.closest("article, [componentkey^='replaceableComment_']"),
    );
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || button.closest("form")) return;
    const label = (button.getAttribute("aria-label") || button.textContent).trim();
    if (label !== "Reageren" && label !== "Comment") return;
    const post = button.closest(POST);
    if (post && !hasOwnEditor(post)) openCommentBox(post);
  });

  for (const editor of document.querySelectorAll(EDITOR)) equip(editor);
})();
