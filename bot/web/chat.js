/* Manufacturing Careers chat page: talks to Rasa over socket.io (served by the bot itself).
 * Everything from users and the bot is rendered as text, never as HTML; only http(s) links
 * become <a> elements. The conversation belongs to this tab: the server gives it a signed id (a
 * pass, bot/channels/conversation_ids.py) that is kept in sessionStorage, presented on every
 * (re)connection and never put in a URL. It survives a reload and is forgotten when the tab is
 * closed. */
(function () {
  "use strict";

  // The school's settings come from the server (the school registry), filled into the page as
  // data attributes; the page address is only read for the purely local "embedded" switch.
  var params = new URLSearchParams(window.location.search);
  var page = document.documentElement.dataset;
  // The widget's own words, per language (strings.js). The page's language is the school's or
  // the embed's (data-lang), set by the server; a student's choice in this tab wins.
  var STRINGS = window.MFG_CHAT_STRINGS;
  var settings = {
    school: schoolId(page.school),
    greeting: clean(page.greeting, 300),  // the school's own, written in the page's language; else ours
    pageLanguage: language(page.lang) || "en",
    accent: hexColor(page.accent),
    embedded: params.get("embedded") === "1"
  };
  var STORE_KEY = "mfg-chat:" + (settings.school || "default");
  var MAX_LOG = 100;
  var REPLY_TIMEOUT_MS = 20000;

  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("message");
  var typing = document.getElementById("typing");
  var status = document.getElementById("status");
  var replyTimer = null;

  // sessionId: the pass the server gave this tab (null until it has). route: a random token, not
  // the conversation, that nginx routes this tab's socket.io requests by (docs/deploy.md).
  var state = load() || { sessionId: null, route: randomId(), log: [] };
  var unsent = [];  // messages typed before the server has said which conversation this tab is in
  state.lang = language(state.lang) || settings.pageLanguage;
  var words = STRINGS[state.lang];

  applySettings();
  applyLanguage(state.lang);
  if (state.log.length === 0) {
    var greeting = (state.lang === settings.pageLanguage && settings.greeting) || words.greeting;
    // Three ways in, on the first message (the same as the assistant's own greeting): no one has
    // to know what to type.
    remember({ from: "bot", text: greeting, buttons: words.starters });
  }
  state.log.forEach(function (entry) { render(entry, false); });

  // `route` keys nginx's sticky routing when several replicas serve the chat (docs/deploy.md):
  // every request of this tab's socket.io connection reaches the same replica.
  var socket = window.io({ path: "/socket.io", reconnectionDelayMax: 5000, query: { route: state.route } });
  socket.on("connect", function () {
    showStatus("");
    socket.emit("session_request", { session_id: state.sessionId });
  });
  // The conversation this tab is in: the pass it presented, or a new one (a pass the server did
  // not sign, e.g. after its secret changed, gets a new conversation).
  socket.on("session_confirm", function (pass) {
    if (typeof pass !== "string" || !pass) { return; }
    state.sessionId = pass;
    save();
    unsent.splice(0).forEach(function (message) { emitMessage(message); });
  });
  socket.on("disconnect", function () { showStatus(words.lost); });
  socket.on("connect_error", function () {
    setTyping(false);
    showStatus(words.unreachable);
  });
  socket.on("bot_uttered", function (message) {
    setTyping(false);
    var entry = {
      from: "bot",
      text: typeof message.text === "string" ? message.text : "",
      buttons: (message.quick_replies || message.buttons || []).map(function (b) {
        return { title: String(b.title || ""), payload: String(b.payload || "") };
      }).filter(function (b) { return b.title && b.payload; })
    };
    if (entry.text || entry.buttons.length) {
      remember(entry);
      render(entry, true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text, text);
  });

  // The "English / Español" switch: the widget's words change at once, and the assistant is told
  // (the switch payload), so its answers follow.
  Array.prototype.forEach.call(document.querySelectorAll("[data-language]"), function (button) {
    button.addEventListener("click", function () {
      var chosen = button.getAttribute("data-language");
      if (chosen === state.lang || !STRINGS[chosen]) { return; }
      applyLanguage(chosen);
      send(STRINGS[chosen].switchPayload, STRINGS[chosen].languageName);
    });
  });

  document.getElementById("close").addEventListener("click", function () {
    window.parent.postMessage({ type: "mfg-chat:close" }, "*");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && settings.embedded) {
      window.parent.postMessage({ type: "mfg-chat:close" }, "*");
    }
  });

  function send(message, shownAs) {
    var entry = { from: "user", text: shownAs };
    remember(entry);
    render(entry, true);
    if (!socket.connected) {
      showStatus(words.queued);
    }
    if (state.sessionId) { emitMessage(message); } else { unsent.push(message); }
    setTyping(true);
  }

  function emitMessage(message) {
    socket.emit("user_uttered", { message: message, session_id: state.sessionId, metadata: metadata() });
  }

  // Only the school's id and the widget's language: the server looks up everything else
  // (counselor contacts included). `site` is the page this chat is framed in (its origin only):
  // the server counts the message in the school's insights only when that is one of the
  // school's registered sites.
  function metadata() {
    var data = { lang: state.lang };
    if (settings.school) { data.school = settings.school; data.site = framingSite(); }
    return data;
  }

  function framingSite() {
    if (window.parent === window) { return ""; }
    var ancestors = window.location.ancestorOrigins;
    if (ancestors && ancestors.length) { return ancestors[0]; }
    try { return document.referrer ? new URL(document.referrer).origin : ""; } catch (e) { return ""; }
  }

  function render(entry, scroll) {
    var item = document.createElement("div");
    item.className = "msg msg--" + entry.from;
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = entry.from === "user" ? words.youSaid : words.assistant;
    item.appendChild(who);
    var bubble = document.createElement("p");
    bubble.className = "msg__text";
    appendText(bubble, entry.text || "");
    item.appendChild(bubble);
    if (entry.buttons && entry.buttons.length) {
      var group = document.createElement("div");
      group.className = "msg__buttons";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", words.suggested);
      entry.buttons.forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", function () { send(b.payload, b.title); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    if (scroll) { log.scrollTop = log.scrollHeight; }
  }

  // Text with line breaks and clickable http(s) links; never parsed as HTML.
  function appendText(parent, text) {
    var pattern = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var url = httpUrl(match[0]);
      if (url) {
        var a = document.createElement("a");
        a.href = url;
        a.textContent = match[0];
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        parent.appendChild(a);
      } else {
        parent.appendChild(document.createTextNode(match[0]));
      }
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function setTyping(on) {
    typing.hidden = !on;
    clearTimeout(replyTimer);
    if (on) {
      replyTimer = setTimeout(function () {
        typing.hidden = true;
        showStatus(words.noAnswer);
      }, REPLY_TIMEOUT_MS);
    }
  }

  function showStatus(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function remember(entry) {
    state.log.push(entry);
    state.log = state.log.slice(-MAX_LOG);
    save();
  }

  function save() {
    try { window.sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* storage off: no history */ }
  }

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE_KEY));
      if (saved && Array.isArray(saved.log)) {
        return {
          sessionId: typeof saved.sessionId === "string" ? saved.sessionId : null,
          route: typeof saved.route === "string" && /^[0-9a-f]{32}$/.test(saved.route) ? saved.route : randomId(),
          lang: saved.lang,  // checked by language() where it is read
          log: saved.log
        };
      }
    } catch (e) { /* no saved conversation */ }
    return null;
  }

  // The widget's words and the page's `lang` in `lang` (remembered for this tab).
  function applyLanguage(lang) {
    state.lang = lang;
    words = STRINGS[lang];
    document.documentElement.lang = lang;
    var name = document.getElementById("school-name").textContent;
    document.title = name + words.pageTitle;
    each("[data-text]", function (el) { el.textContent = words[el.getAttribute("data-text")]; });
    each("[data-label]", function (el) { el.setAttribute("aria-label", words[el.getAttribute("data-label")]); });
    each("[data-placeholder]", function (el) { el.setAttribute("placeholder", words[el.getAttribute("data-placeholder")]); });
    each("[data-language]", function (el) {
      el.setAttribute("aria-pressed", String(el.getAttribute("data-language") === lang));
    });
    save();
  }

  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  function language(value) {
    return typeof value === "string" && Object.prototype.hasOwnProperty.call(STRINGS, value) ? value : "";
  }

  function applySettings() {
    // The school's name and the page title are already in the page (rendered by the server).
    if (settings.embedded) { document.getElementById("close").hidden = false; }
    if (settings.accent) {
      var root = document.documentElement.style;
      root.setProperty("--accent", settings.accent);
      root.setProperty("--on-accent", readableOn(settings.accent));
    }
  }

  function schoolId(value) {
    return value && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(value) ? value : "";
  }

  function clean(value, max) {
    return value ? value.replace(/[\u0000-\u001f]/g, "").trim().slice(0, max) : "";
  }

  function httpUrl(value) {
    if (!value) { return ""; }
    try {
      var url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
    } catch (e) { return ""; }
  }

  function hexColor(value) {
    return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : "";
  }

  // Black or white text, whichever contrasts more with the accent colour (WCAG luminance).
  function readableOn(hex) {
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
})();
