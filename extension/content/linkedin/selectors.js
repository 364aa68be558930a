// @ts-check
/**
 * Everything Roos knows about LinkedIn's page markup, in one place. When LinkedIn changes its
 * page, this is the file to update (see README.md next to it for how, and which fixture page
 * each hook is tested against). The extractor holds the logic; this file holds only data.
 *
 * Two markups live side by side: "classic" (feed-shared-update-v2 and friends, stable BEM class
 * names) and "modern" (rolled out during 2026: role=listitem cards with hashed class names, so
 * we key on attributes such as componentkey, data-testid and profile links instead).
 *
 * Classic script: attaches Roos.selectors, and exports the same object for node.
 */
(function (/** @type {any} */ root) {
  "use strict";

  const classicComment = 'article[data-id^="urn:li:comment:"]';
  // SDUI stacks up to three wrappers carrying the same comment urn (componentkey and id)
  const modernComment =
    '[componentkey^="replaceableComment_urn:li:comment:"], [id^="replaceableComment_urn:li:comment:"]';

  const selectors = Object.freeze({
    classic: Object.freeze({
      post: "div.feed-shared-update-v2[data-urn]",
      actorTitle: ".update-components-actor__title",
      // LinkedIn prints the name twice (visible + visually-hidden copy); this is the visible one.
      actorName: '.update-components-actor__title span[aria-hidden="true"]',
      actorLink: "a.update-components-actor__meta-link, a.update-components-actor__image",
      actorHeadline: '.update-components-actor__description span[aria-hidden="true"]',
      actorDescriptions: ".update-components-actor__description, .update-components-actor__sub-description",
      actorTime: ".update-components-actor__sub-description",
      groupLink: '.update-components-header a[href*="/groups/"]',
      text: ".update-components-update-v2__commentary",
      seeMore: ".feed-shared-inline-show-more-text__see-more-less-toggle",
      reactions:
        ".social-details-social-counts__reactions-count, .social-details-social-counts__social-proof-fallback-number",
      commentsCount: ".social-details-social-counts__comments",
      comment: classicComment,
      // replies sit inside their comment; this class only helps when LinkedIn renders one beside it
      replyClass: "comments-comment-entity--reply",
      commentAuthor: ".comments-comment-meta__description-title",
      commentAuthorLink:
        "a.comments-comment-meta__description-container, a.comments-comment-meta__image-link",
      commentHeadline: ".comments-comment-meta__description-subtitle",
      commentText: ".comments-comment-item__main-content",
      // the block around a text where overlays go, under the whole (possibly clamped) text
      textWrapper: ".feed-shared-update-v2__description-wrapper, .comments-comment-item-content-body",
      commentReactions: ".comments-comment-social-bar__reactions-count",
      commentBox: '.comments-comment-box .ql-editor[contenteditable="true"]',
    }),
    modern: Object.freeze({
      card: '[role="listitem"]',
      // elements that may carry the card's urn in one of urnAttributes
      urnCarrier: "[data-urn], [data-id], [componentkey], [data-view-tracking-scope]",
      comment: modernComment,
      text: '[data-testid="expandable-text-box"]',
      seeMore: '[data-testid="expandable-text-button"]',
      profileLink: 'a[href*="/in/"], a[href*="/company/"]',
      reactionIcon: "[data-test-reactions-icon-type]",
      editor: '[contenteditable="true"][role="textbox"]',
    }),
    anyComment: `${classicComment}, ${modernComment}`,
    // The outer boxes of feed cards, filled or not (virtualised feeds keep empty ones as spacers).
    // Only the outermost match counts as a card; nested matches belong to it.
    cardContainer: [
      "[data-finite-scroll-hotkey-item]",
      "[data-lazy-mount-id]",
      'div[data-id^="urn:li:"]',
      '[data-view-name="feed-full-update"]',
      "div.feed-shared-update-v2",
      '[role="article"][data-urn]',
      '[role="listitem"]',
    ].join(", "),
    // an empty spacer LinkedIn fills when the card scrolls into view
    placeholder: ".occludable-update-hint, [data-lazy-mount-id]",
    // a wrapped card's header ("Anna commented on this"); the modern markup is found by its words
    header: ".update-components-header",
    // quoted posts inside a post: their ids and links belong to the quoted post, not this one
    reshared: ".update-components-mini-update-v2",
    // where a card counts its reactions and comments; it may carry the post's own urn
    socialCounts: '.social-details-social-counts, .update-v2-social-activity',
    urnAttributesAll: Object.freeze(["data-urn", "data-id", "data-activity-urn", "data-entity-urn", "componentkey", "data-view-tracking-scope"]),
    // Buttons that only fetch more of a conversation (matched from the start of their label).
    loadMoreLabels: Object.freeze([
      "Load more comments",
      "Load previous replies",
      "Load more replies",
      "See previous replies",
      "Meer reacties laden",
      "Meer reacties weergeven",
      "Eerdere reacties laden",
      "Vorige antwoorden laden",
      "Meer antwoorden laden",
      "Vorige antwoorden bekijken",
    ]),
    composer: 'div.ql-editor[contenteditable="true"], [contenteditable="true"][role="textbox"]',
    urnAttributes: Object.freeze(["data-urn", "data-id", "componentkey", "data-view-tracking-scope"]),
    // urn kinds that are posts someone wrote (and may want an answer)
    postUrnKinds: Object.freeze(["activity", "ugcPost", "share"]),
    // urn kinds that only wrap another urn, e.g. urn:li:fsd_update:(urn:li:activity:1,MAIN_FEED,…)
    wrapperUrnKinds: Object.freeze(["fsd_update", "fs_updateV2", "update"]),
    // urns of several events about one post ("Anna and Bob commented on this")
    aggregateUrnKinds: Object.freeze(["aggregate"]),
    // cards that are not posts: skipped with these reasons
    skippedUrnKinds: Object.freeze({
      job: Object.freeze(["jobPosting", "fsd_jobPosting", "jobPostingCard", "fs_normalized_jobPosting"]),
      course: Object.freeze(["lyndaCourse", "learningCourse", "course"]),
      promoted: Object.freeze(["sponsoredCreative", "inAppPromotion", "sponsoredContent"]),
      event: Object.freeze(["fsd_professionalEvent", "professionalEvent"]),
    }),
    page: Object.freeze({
      groupName: "h1.groups-entity-header__title, main h1",
      feedContainer:
        '.scaffold-finite-scroll__content, [data-finite-scroll-hotkey-context], main [role="list"]',
      feedPath: /^\/(feed\/?$|feed\/update\/|groups\/\d+|company\/[^/]+\/posts|in\/[^/]+\/recent-activity)/,
    }),
    strings: Object.freeze({
      promoted: Object.freeze(["Gepromoot", "Promoted", "Gesponsord", "Sponsored"]),
      // why a card is in the feed: "<who> <phrase>". Longest phrases first within a kind.
      context: Object.freeze({
        comment: Object.freeze([
          "commented on this",
          "replied to a comment",
          "heeft hierop gereageerd",
          "hebben hierop gereageerd",
          "heeft gereageerd op dit bericht",
          "reageerde hierop",
          "reageerden hierop",
        ]),
        reaction: Object.freeze([
          "likes this",
          "like this",
          "loves this",
          "love this",
          "celebrates this",
          "celebrate this",
          "supports this",
          "support this",
          "finds this insightful",
          "find this insightful",
          "finds this funny",
          "find this funny",
          "is curious about this",
          "vindt dit leuk",
          "vinden dit leuk",
          "vindt dit geweldig",
          "vinden dit geweldig",
          "vindt dit interessant",
          "vinden dit interessant",
          "vindt dit grappig",
          "vinden dit grappig",
          "viert dit",
          "vieren dit",
          "steunt dit",
          "steunen dit",
          "is hier benieuwd naar",
        ]),
        repost: Object.freeze([
          "reposted this",
          "reposted",
          "heeft dit gerepost",
          "hebben dit gerepost",
          "heeft dit opnieuw gepost",
          "repostte dit",
        ]),
        // "<who> follows <whom>": the object follows the verb
        follow: Object.freeze(["follows", "follow", "volgt", "volgen"]),
      }),
      seeMore: Object.freeze([
        "…meer",
        "...meer",
        "meer",
        "…see more",
        "...see more",
        "see more",
        "…more",
        "more",
      ]),
      commentAction: Object.freeze(["Reageren", "Comment"]),
      likeAction: Object.freeze(["Vind ik leuk", "Like"]),
      // the word after the number in "12 reacties" / "12 comments"
      commentsCount: Object.freeze(["reacties", "reactie", "comments", "comment"]),
      // LinkedIn's connection-degree and role badges after a name: "• 2e", "• 3rd+", "Auteur"
      nameBadge: /\s*[•·]\s*(1e|2e|3e\+?|1st|2nd|3rd\+?|auteur|author)\s*$/i,
    }),
  });

  /** @type {Record<string, any>} */
  const Roos = (root.Roos = root.Roos || {});
  Roos.selectors = selectors;
  if (typeof module === "object" && module.exports) module.exports = selectors;
})(typeof globalThis !== "undefined" ? globalThis : this);
