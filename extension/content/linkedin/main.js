// @ts-check
/**
 * Roos on LinkedIn: the list of features, in the order they render.
 * To add a feature, write content/linkedin/<feature>.js (attaching to Roos),
 * list it in manifest.json's content_scripts and here.
 */
(() => {
  const Roos = globalThis.Roos;
  if (!Roos?.extractor || Roos.started) return;
  Roos.started = true;

  const FEATURES = [
    Roos.badges,
    Roos.replyPrompts,
    Roos.fanFlags,
    Roos.mentionHighlights,
    Roos.disclosureReminder,
    Roos.replyTracking,
    Roos.extractorMiss,
  ];

  Roos.pageWatch.start(FEATURES);
})();
