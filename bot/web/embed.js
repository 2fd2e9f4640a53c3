/* One <script> tag adds a floating button that opens the Manufacturing Careers chat in an
 * iframe, so the host page's styles cannot break the chat and the chat cannot break the page.
 *
 *   <script src="https://YOUR-BOT/chat/embed.js" data-school="Lincoln High School"
 *           data-counselor-name="Ms. Rivera" data-counselor-email="counselor@lincoln.example.org"
 *           data-accent="#0b5394" data-position="right" defer></script>
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__mfgChatLoaded) { return; }
  window.__mfgChatLoaded = true;

  var chatUrl = new URL("./", script.src);
  var data = script.dataset;
  var accent = /^#?[0-9a-fA-F]{6}$/.test(data.accent || "") ? "#" + data.accent.replace("#", "") : "#0b5394";
  var side = data.position === "left" ? "left" : "right";
  var label = (data.label || "Ask about manufacturing careers").slice(0, 60);

  var query = new URLSearchParams({ embedded: "1" });
  [["school", "school"], ["counselorName", "counselor_name"], ["counselorEmail", "counselor_email"],
   ["counselorUrl", "counselor_url"], ["greeting", "greeting"]].forEach(function (pair) {
    if (data[pair[0]]) { query.set(pair[1], data[pair[0]]); }
  });
  query.set("accent", accent);
  var src = chatUrl.href + "?" + query.toString();

  var button = document.createElement("button");
  button.type = "button";
  button.id = "mfg-chat-launcher";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "mfg-chat-panel");
  style(button, {
    position: "fixed", bottom: "16px", zIndex: "2147483000", padding: "12px 18px", border: "0",
    borderRadius: "999px", background: accent, color: readableOn(accent), font: "600 16px system-ui, sans-serif",
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
      frame.title = "Manufacturing Careers chat";
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
