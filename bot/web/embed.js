/* One <script> tag adds a floating button that opens the Manufacturing Careers chat in an
 * iframe, so the host page's styles cannot break the chat and the chat cannot break the page.
 *
 *   <script src="https://YOUR-BOT/chat/embed.js" data-school="lincoln-high" defer></script>
 *
 * data-school is the school's id in the assistant's school registry (data/schools.yml): the
 * name, greeting, colour and counselor contacts come from there, never from the page.
 * Optional, for this page only: data-position="left|right", data-label="Career chat",
 * data-lang="es" (the chat's language on this page; otherwise the school's, see docs/spanish.md).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__mfgChatLoaded) { return; }
  window.__mfgChatLoaded = true;

  var DEFAULT_ACCENT = "#0b5394";
  // The launcher's own words; the chat's are in strings.js (the same languages).
  var WORDS = {
    en: { label: "Ask about manufacturing careers", title: "Manufacturing Careers chat" },
    es: { label: "Pregunta sobre carreras en manufactura", title: "Chat de carreras en manufactura" }
  };
  var chatUrl = new URL("./", script.src);
  var data = script.dataset;
  var school = /^[a-z0-9][a-z0-9_-]{0,63}$/.test(data.school || "") ? data.school : "";
  var side = data.position === "left" ? "left" : "right";
  var lang = WORDS.hasOwnProperty(data.lang) ? data.lang : "";
  var words = WORDS[lang || "en"];

  var query = new URLSearchParams();
  if (school) { query.set("school", school); }
  if (lang) { query.set("lang", lang); }
  query.set("embedded", "1");
  var src = chatUrl.href + "?" + query.toString();

  var button = document.createElement("button");
  button.type = "button";
  button.id = "mfg-chat-launcher";
  button.textContent = (data.label || words.label).slice(0, 60);
  if (lang) { button.lang = lang; }
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "mfg-chat-panel");
  style(button, {
    position: "fixed", bottom: "16px", zIndex: "2147483000", padding: "12px 18px", border: "0",
    borderRadius: "999px", background: DEFAULT_ACCENT, color: readableOn(DEFAULT_ACCENT), font: "600 16px system-ui, sans-serif",
    boxShadow: "0 2px 10px rgba(0,0,0,.3)", cursor: "pointer"
  });
  button.style[side] = "16px";

  var panel = document.createElement("div");
  panel.id = "mfg-chat-panel";
  panel.hidden = true;
  style(panel, {
    position: "fixed", bottom: "76px", zIndex: "2147483000", width: "min(400px, calc(100vw - 16px))",
    height: "min(620px, calc(100vh - 96px))", borderRadius: "12px", overflow: "hidden",
    boxShadow: "0 4px 24px rgba(0,0,0,.35)", background: "#fff"
  });
  panel.style[side] = "8px";

  var frame = null;

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = src;
      frame.title = words.title;
      style(frame, { width: "100%", height: "100%", border: "0" });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    panel.style.display = "block";
    button.setAttribute("aria-expanded", "true");
    frame.focus();
  }

  function close() {
    panel.hidden = true;
    panel.style.display = "none";
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }

  button.addEventListener("click", function () { (panel.hidden ? open : close)(); });
  window.addEventListener("message", function (event) {
    if (event.origin === chatUrl.origin && event.data && event.data.type === "mfg-chat:close") { close(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { close(); }
  });

  function mount() {
    panel.style.display = "none";
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }

  // The school's colour for the button, from the assistant (it allows this site's origin).
  if (school && window.fetch) {
    var settingsUrl = new URL("settings", chatUrl);
    settingsUrl.searchParams.set("school", school);
    window.fetch(settingsUrl.href, { credentials: "omit" }).then(function (resp) {
      return resp.ok ? resp.json() : null;
    }).then(function (settings) {
      // The school's language, unless this page chose one (data-lang).
      var schoolLang = settings && WORDS.hasOwnProperty(settings.language) ? settings.language : "";
      if (!lang && schoolLang) {
        words = WORDS[schoolLang];
        button.lang = schoolLang;
        if (!data.label) { button.textContent = words.label; }
      }
      var accent = settings && typeof settings.accent === "string" ? settings.accent : "";
      if (/^#[0-9a-fA-F]{6}$/.test(accent)) {
        button.style.background = accent;
        button.style.color = readableOn(accent);
      }
    }).catch(function () { /* keep the default colour */ });
  }

  function style(el, props) { Object.keys(props).forEach(function (k) { el.style[k] = props[k]; }); }

  function readableOn(hex) {
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
  }
})();
