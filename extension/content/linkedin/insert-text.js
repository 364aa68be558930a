// @ts-check
/**
 * Put text into one of LinkedIn's editors the way typing would.
 *
 * LinkedIn's editors (contenteditable, sometimes a textarea) keep their own
 * model and only notice text that arrives with beforeinput/input events;
 * document.execCommand("insertText") is the one browser path that produces
 * those and keeps the undo stack working. Roos only ever inserts: it never
 * presses the editor's submit button.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  /**
   * Move the caret to the end of the editor.
   * @param {HTMLElement} editor
   */
  function caretToEnd(editor) {
    if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
      editor.setSelectionRange(editor.value.length, editor.value.length);
      return;
    }
    const selection = getSelection();
    if (!selection) return;
    const range = document.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /** @param {HTMLElement} editor */
  function currentText(editor) {
    return editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement
      ? editor.value
      : editor.innerText || editor.textContent || "";
  }

  /**
   * Append `text` at the end of `editor`, separated by a space from what is
   * already there.
   * @param {HTMLElement} editor
   * @param {string} text
   * @returns {boolean} whether the editor's content changed
   */
  function insertAtEnd(editor, text) {
    const before = currentText(editor);
    const needsSpace = before.trim() !== "" && !/\s$/.test(before);
    const addition = (needsSpace ? " " : "") + text;
    editor.focus({ preventScroll: true });
    caretToEnd(editor);
    if (!document.execCommand("insertText", false, addition)) fallbackInsert(editor, addition);
    return currentText(editor) !== before;
  }

  /**
   * For editors where execCommand is unavailable: a text node plus the same
   * input events typing would fire.
   * @param {HTMLElement} editor
   * @param {string} text
   */
  function fallbackInsert(editor, text) {
    const init = { bubbles: true, cancelable: true, inputType: "insertText", data: text };
    if (!editor.dispatchEvent(new InputEvent("beforeinput", init))) return;
    if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
      editor.setRangeText(text, editor.value.length, editor.value.length, "end");
    } else {
      editor.append(document.createTextNode(text));
    }
    editor.dispatchEvent(new InputEvent("input", { ...init, cancelable: false }));
  }

  Roos.insertText = { insertAtEnd, currentText };
})();
