/*
 * The counsellors' chat console: polls the console feed every second (which also tells the server this counsellor is
 * there), shows the waiting chats and keeps one panel per held chat, adding new messages without reloading and
 * without touching what the counsellor is typing.
 */
(function () {
  "use strict";
  var root = document.getElementById("chat-console");
  if (!root || !window.fetch) {
    return;
  }
  var FEED = root.getAttribute("data-feed");
  var after = {};
  var panels = {};
  var waitingKey = "";
  // The waiting list as last sent, its version (sent back: the feed leaves the list out while it is current) and
  // when it came (this browser's clock: only the time since matters), from which the waiting times are added up.
  var waitingList = [];
  var waitingVersion = null;
  var waitingAt = 0;
  var counter = 0;
  var prefix = Math.random().toString(36).slice(2, 10);
  var lastTyping = {};
  var el = function (id) { return document.getElementById(id); };

  function t(key) {
    return root.getAttribute("data-t-" + key) || "";
  }

  function post(body) {
    body.after = after;
    body.waitingVersion = waitingVersion;
    return fetch(FEED, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          throw data;
        }
        render(data);
        return data;
      });
    });
  }

  // A refused action's message stays until the next action; a failed poll's until a poll works again.
  var pollFailed = false;

  function statusText(text) {
    el("chat-console-status").textContent = text;
  }

  // Actions run one after the other, so that two answers sent quickly are numbered in the order sent.
  var actions = Promise.resolve();
  function act(body) {
    actions = actions.then(function () {
      return post(body);
    }).then(function () {
      statusText("");
      pollFailed = false;
    }).catch(function (e) {
      statusText(e && e.error === "NOT_POSSIBLE" ? t("full") : e && e.message ? e.message : t("error"));
    });
    return actions;
  }

  // Fills a select with options (value, label) without losing what is chosen, and only when they changed.
  function fill(select, first, options) {
    var key = JSON.stringify(options);
    if (select.getAttribute("data-key") === key) {
      return;
    }
    select.setAttribute("data-key", key);
    var chosen = select.value;
    select.textContent = "";
    var none = document.createElement("option");
    none.value = "";
    none.textContent = first;
    select.appendChild(none);
    options.forEach(function (o) {
      var option = document.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      select.appendChild(option);
    });
    select.value = chosen;
  }

  function render(data) {
    el("chat-available").checked = !!data.available;
    var at = Date.now();
    if (data.waiting) {
      waitingList = data.waiting;
      waitingAt = at;
      waitingVersion = data.waitingVersion || null;
    } else if (data.waitingVersion !== waitingVersion) {
      // An answer to a call sent before the list last changed: ask for the list again.
      waitingVersion = null;
    }
    var elapsed = Math.max(0, Math.floor((at - waitingAt) / 1000));
    renderWaiting(waitingList.map(function (w) {
      return { id: w.id, lang: w.lang, sos: w.sos, waitingSeconds: w.waitingSeconds + elapsed, returned: w.returned };
    }), data.chats.length >= data.capacity);
    var seen = {};
    data.chats.forEach(function (chat) {
      seen[chat.id] = true;
      var panel = panels[chat.id] || newPanel(chat);
      panel.typing.hidden = !chat.typing;
      fill(panel.canned, "—", data.canned.filter(function (c) { return c.lang === chat.lang; })
          .map(function (c) { return [c.text, c.text.length > 80 ? c.text.slice(0, 80) + "…" : c.text]; }));
      fill(panel.colleague, "—", data.colleagues.map(function (c) { return [String(c.id), c.name]; }));
      chat.events.forEach(function (event) {
        if (event.seq > (after[chat.id] || 0)) {
          after[chat.id] = event.seq;
          var line = document.createElement("p");
          line.className = "chat-line from-" + event.from;
          var who = document.createElement("span");
          who.className = "chat-who";
          who.textContent = (event.from === "reader" ? t("reader") : event.from === "counsellor" ? t("you") : t("system")) + ": ";
          line.appendChild(who);
          line.appendChild(document.createTextNode(event.text));
          panel.log.appendChild(line);
          panel.log.scrollTop = panel.log.scrollHeight;
        }
      });
    });
    Object.keys(panels).forEach(function (id) {
      if (!seen[id]) {
        panels[id].section.parentNode.removeChild(panels[id].section);
        delete panels[id];
        delete after[id];
      }
    });
  }

  function renderWaiting(waiting, full) {
    var key = JSON.stringify(waiting.map(function (w) {
      return [w.id, w.sos, Math.floor(w.waitingSeconds / 60), w.returned];
    })) + full;
    if (key === waitingKey) {
      return;
    }
    waitingKey = key;
    var list = el("chat-waiting");
    list.textContent = "";
    if (waiting.length === 0) {
      var none = document.createElement("li");
      none.textContent = t("none");
      list.appendChild(none);
    }
    waiting.forEach(function (w) {
      var item = document.createElement("li");
      if (w.sos) {
        item.className = "sos";
        var sos = document.createElement("strong");
        sos.textContent = t("sos") + " ";
        item.appendChild(sos);
      }
      item.appendChild(document.createTextNode(w.lang.toUpperCase() + " · "
          + t("minutes").replace("{0}", Math.floor(w.waitingSeconds / 60))
          + (w.returned ? " · " + t("returned") : "") + " "));
      var accept = document.createElement("button");
      accept.type = "button";
      accept.className = "button";
      accept.textContent = t("accept");
      accept.setAttribute("data-chat-accept", w.id);
      accept.disabled = full;
      accept.addEventListener("click", function () {
        act({ action: "accept", id: w.id });
      });
      item.appendChild(accept);
      list.appendChild(item);
    });
  }

  // A form control of the given tag and id with its label.
  function control(tag, id, label) {
    var element = document.createElement(tag);
    element.id = id;
    var caption = document.createElement("label");
    caption.setAttribute("for", id);
    caption.textContent = label;
    return { element: element, label: caption };
  }

  // A visible copy, with its label, of one of the page's hidden select templates (topics, kinds).
  function copyOf(templateId, id, label) {
    var element = el(templateId).cloneNode(true);
    element.id = id;
    element.hidden = false;
    element.removeAttribute("aria-hidden");
    var caption = document.createElement("label");
    caption.setAttribute("for", id);
    caption.textContent = label;
    return { element: element, label: caption };
  }

  function button(label, hook, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button";
    b.textContent = label;
    b.setAttribute(hook, "");
    b.addEventListener("click", onClick);
    return b;
  }

  function newPanel(chat) {
    var section = document.createElement("section");
    section.className = "chat-panel" + (chat.sos ? " sos" : "");
    section.setAttribute("data-chat-id", chat.id);
    var heading = document.createElement("h3");
    heading.id = "chat-heading-" + chat.id;
    heading.textContent = t("chat").replace("{0}", chat.id) + " · " + chat.lang.toUpperCase() + (chat.sos ? " · " + t("sos") : "");
    section.appendChild(heading);
    if (chat.note) {
      var note = document.createElement("p");
      note.textContent = t("note").replace("{0}", chat.note);
      section.appendChild(note);
    }
    var log = document.createElement("div");
    log.className = "chat-log";
    log.setAttribute("data-chat-log", "");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-labelledby", heading.id);
    log.tabIndex = 0;
    section.appendChild(log);
    var typing = document.createElement("p");
    typing.className = "chat-typing";
    typing.textContent = t("typing");
    typing.hidden = true;
    section.appendChild(typing);
    var label = document.createElement("label");
    label.setAttribute("for", "chat-message-" + chat.id);
    label.textContent = t("message");
    section.appendChild(label);
    var text = document.createElement("textarea");
    text.name = "message";
    text.id = "chat-message-" + chat.id;
    text.rows = 3;
    text.maxLength = 2000;
    section.appendChild(text);
    function send() {
      var value = text.value.trim();
      if (!value) {
        return;
      }
      text.value = "";
      act({ action: "send", id: chat.id, text: value, clientId: prefix + "-" + (++counter) });
    }
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        send();
      }
    });
    text.addEventListener("input", function () {
      var now = Date.now();
      if (now - (lastTyping[chat.id] || 0) > 4000) {
        lastTyping[chat.id] = now;
        post({ action: "typing", id: chat.id }).catch(function () { /* only a hint */ });
      }
    });
    var actions = document.createElement("p");
    actions.appendChild(button(t("send"), "data-chat-send", send));
    section.appendChild(actions);
    // A canned answer goes into the message box, to be read over and sent.
    var cannedControl = control("select", "chat-canned-" + chat.id, t("canned"));
    var canned = cannedControl.element;
    canned.addEventListener("change", function () {
      if (canned.value) {
        text.value = canned.value;
        canned.value = "";
        text.focus();
      }
    });
    var cannedLine = document.createElement("p");
    cannedLine.appendChild(cannedControl.label);
    cannedLine.appendChild(document.createTextNode(" "));
    cannedLine.appendChild(canned);
    section.appendChild(cannedLine);
    // Transfer to an available colleague with a note only counsellors see.
    var colleagueControl = control("select", "chat-colleague-" + chat.id, t("colleague"));
    var colleague = colleagueControl.element;
    var noteControl = control("input", "chat-note-" + chat.id, t("transfer-note"));
    var noteInput = noteControl.element;
    noteInput.type = "text";
    noteInput.maxLength = 500;
    var transferLine = document.createElement("p");
    [colleagueControl.label, colleague, noteControl.label, noteInput].forEach(function (node) {
      transferLine.appendChild(node);
      transferLine.appendChild(document.createTextNode(" "));
    });
    transferLine.appendChild(button(t("transfer"), "data-chat-transfer", function () {
      if (colleague.value) {
        act({ action: "transfer", id: chat.id, to: Number(colleague.value), note: noteInput.value });
      }
    }));
    section.appendChild(transferLine);
    var topicControl = copyOf("chat-topics", "chat-topic-" + chat.id, t("topic"));
    var topicLabel = topicControl.label;
    var topic = topicControl.element;
    // The kind for the hotline register, confirmed on closing: SOS already chosen for an SOS chat.
    var kindControl = copyOf("chat-kinds", "chat-kind-" + chat.id, t("kind"));
    var kindLabel = kindControl.label;
    var kind = kindControl.element;
    kind.required = true;
    kind.value = chat.sos ? "sos" : "";
    var closing = document.createElement("p");
    [topicLabel, topic, kindLabel, kind].forEach(function (node) {
      closing.appendChild(node);
      closing.appendChild(document.createTextNode(" "));
    });
    closing.appendChild(button(t("close"), "data-chat-close", function () {
      act({ action: "close", id: chat.id, topic: topic.value, kind: kind.value });
    }));
    closing.appendChild(document.createTextNode(" "));
    closing.appendChild(button(t("writing"), "data-chat-writing", function () {
      act({ action: "writing", id: chat.id, topic: topic.value });
    }));
    closing.appendChild(document.createTextNode(" "));
    closing.appendChild(button(t("block"), "data-chat-block", function () {
      if (window.confirm(t("block-confirm"))) {
        act({ action: "block", id: chat.id, topic: topic.value, kind: kind.value });
      }
    }));
    section.appendChild(closing);
    el("chat-mine").appendChild(section);
    panels[chat.id] = { section: section, log: log, typing: typing, canned: canned, colleague: colleague };
    return panels[chat.id];
  }

  el("chat-available").addEventListener("change", function () {
    act({ action: "available", available: el("chat-available").checked });
  });

  function loop() {
    post({ action: "poll" }).then(function () {
      if (pollFailed) {
        statusText("");
        pollFailed = false;
      }
    }, function () {
      statusText(t("error"));
      pollFailed = true;
    }).then(function () {
      setTimeout(loop, 1000);
    });
  }
  loop();
}());
