/*
 * The reader's side of the live chat. The token lives in this script's memory only (no cookie, no storage) and
 * travels in the Authorization header. Messages get a client id and are sent again until the server numbered
 * them, so a dropped connection loses and doubles nothing; the page asks for what came after the last number seen.
 * Leaving the page (quick exit, Back, closing) ends the chat and empties the conversation from the page.
 */
(function () {
  "use strict";
  var root = document.getElementById("chat");
  if (!root || !window.fetch) {
    return;
  }
  var API = "/api/v1/chat";
  var lang = root.getAttribute("data-lang") || "ro";
  var consultation = root.getAttribute("data-consultation") || "";
  var token = null;
  var lastSeq = 0;
  var stopped = false;
  var pending = [];
  var sentSeqs = {};
  var counter = 0;
  var prefix = randomId();
  var lastTyping = 0;
  var el = function (id) { return document.getElementById(id); };

  function t(key) {
    return root.getAttribute("data-t-" + key) || "";
  }

  function randomId() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function call(method, path, body, keepalive) {
    var headers = {};
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    var init = { method: method, headers: headers, cache: "no-store", credentials: "omit" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    if (keepalive) {
      init.keepalive = true;
    }
    return fetch(API + path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = {};
        try { data = text ? JSON.parse(text) : {}; } catch (e) { data = {}; }
        return { status: response.status, data: data };
      });
    });
  }

  function status(text) {
    el("chat-status").textContent = text;
  }

  // "Are you in danger now?": yes shows 112 and the hotline at once.
  function dangerChanged() {
    el("chat-danger").hidden = !el("chat-danger-yes").checked;
  }
  el("chat-danger-yes").addEventListener("change", dangerChanged);
  el("chat-danger-no").addEventListener("change", dangerChanged);
  el("chat-lang").value = lang;

  el("chat-start").addEventListener("submit", function (event) {
    event.preventDefault();
    el("chat-begin").disabled = true;
    var sos = el("chat-danger-yes").checked;
    call("POST", "", { lang: el("chat-lang").value, sos: sos }).then(function (r) {
      el("chat-begin").disabled = false;
      if (r.status === 201) {
        token = r.data.token;
        el("chat-start").hidden = true;
        el("chat-room").hidden = false;
        showState(r.data);
        el("chat-message").focus();
        poll();
      } else if (r.status === 200 && r.data.state === "closed") {
        el("chat-start").hidden = true;
        el("chat-closed").hidden = false;
        var text = t("closed-" + r.data.reason).replace("{0}", r.data.opens || "");
        el("chat-closed-text").textContent = text + " ";
        var link = document.createElement("a");
        link.href = consultation;
        link.textContent = t("consultation");
        el("chat-closed-text").appendChild(link);
      } else if (r.status === 429) {
        alertStart(t("too-many"));
      } else if (r.status === 403) {
        alertStart(t("blocked"));
      } else {
        alertStart(t("error"));
      }
    }).catch(function () {
      el("chat-begin").disabled = false;
      alertStart(t("offline"));
    });
  });

  function alertStart(text) {
    var p = el("chat-start-error");
    if (!p) {
      p = document.createElement("p");
      p.id = "chat-start-error";
      p.className = "error";
      p.setAttribute("role", "alert");
      el("chat-start").appendChild(p);
    }
    p.textContent = text;
  }

  function showState(data) {
    if (data.state === "queued") {
      var text = t("position").replace("{0}", data.position);
      if (data.waitMinutes) {
        text += " " + t("wait").replace("{0}", data.waitMinutes[0]).replace("{1}", data.waitMinutes[1]);
      }
      status(text);
    } else if (data.state === "active") {
      status(t("active"));
    } else if (data.state === "ended") {
      ended();
    }
    el("chat-typing").hidden = !data.typing;
  }

  function ended() {
    status(t("ended"));
    token = null;
    stopped = true;
    el("chat-send-button").disabled = true;
    el("chat-message").disabled = true;
    el("chat-end").hidden = true;
    el("chat-typing").hidden = true;
  }

  function who(from) {
    return from === "reader" ? t("you") : from === "counsellor" ? t("counsellor") : t("system");
  }

  function show(event) {
    if (event.seq <= lastSeq) {
      return;
    }
    lastSeq = event.seq;
    var pendingLine = sentSeqs[event.seq];
    if (pendingLine && pendingLine.parentNode) {
      pendingLine.parentNode.removeChild(pendingLine);
    }
    var line = document.createElement("p");
    line.className = "chat-line from-" + event.from;
    line.setAttribute("data-seq", event.seq);
    var name = document.createElement("span");
    name.className = "chat-who";
    name.textContent = who(event.from) + ": ";
    line.appendChild(name);
    line.appendChild(document.createTextNode(event.text));
    var log = el("chat-log");
    var before = log.querySelector(".pending");
    log.insertBefore(line, before);
    log.scrollTop = log.scrollHeight;
  }

  function poll() {
    if (stopped || !token) {
      return;
    }
    call("GET", "/events?after=" + lastSeq).then(function (r) {
      if (r.status === 401) {
        ended();
        return;
      }
      if (r.status !== 200) {
        setTimeout(poll, 2000);
        return;
      }
      (r.data.events || []).forEach(show);
      showState(r.data);
      flush();
      setTimeout(poll, 0);
    }).catch(function () {
      status(t("offline"));
      setTimeout(poll, 2000);
    });
  }

  // Messages typed offline wait here, each with its client id, until the server has numbered them. One is sent at a
  // time, in the order typed, so that they are numbered in that order.
  var sending = false;
  function flush() {
    if (sending || !token || pending.length === 0) {
      return;
    }
    var message = pending[0];
    sending = true;
    call("POST", "/messages", { text: message.text, clientId: message.clientId }).then(function (r) {
      sending = false;
      if (r.status === 202) {
        pending.shift();
        if (r.data.seq <= lastSeq) {
          removeLine(message.line);
        } else {
          sentSeqs[r.data.seq] = message.line;
        }
        flush();
      } else if (r.status === 413 || r.status === 400) {
        pending.shift();
        removeLine(message.line);
        el("chat-send-error").textContent = r.status === 413 ? t("too-long") : t("error");
        flush();
      } else if (r.status === 401) {
        ended();
      } else {
        el("chat-send-error").textContent = r.status === 429 ? t("too-many") : t("error");
        setTimeout(flush, 3000);
      }
    }).catch(function () {
      sending = false;
      status(t("offline"));
      setTimeout(flush, 2000);
    });
  }

  function removeLine(line) {
    if (line && line.parentNode) {
      line.parentNode.removeChild(line);
    }
  }

  el("chat-send").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = el("chat-message").value.trim();
    el("chat-send-error").textContent = "";
    if (!text || stopped) {
      return;
    }
    if (text.length > 2000) {
      el("chat-send-error").textContent = t("too-long");
      return;
    }
    var line = document.createElement("p");
    line.className = "chat-line from-reader pending";
    line.textContent = t("you") + ": " + text + " (" + t("pending") + ")";
    el("chat-log").appendChild(line);
    pending.push({ clientId: prefix + "-" + (++counter), text: text, line: line });
    el("chat-message").value = "";
    flush();
  });

  el("chat-message").addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      el("chat-send").requestSubmit ? el("chat-send").requestSubmit() : el("chat-send-button").click();
    }
  });

  el("chat-message").addEventListener("input", function () {
    var now = Date.now();
    if (token && now - lastTyping > 4000) {
      lastTyping = now;
      call("POST", "/typing", {}).catch(function () { /* only a hint */ });
    }
  });

  el("chat-end").addEventListener("click", function () {
    if (token) {
      call("POST", "/end", {}).then(ended, ended);
    }
  });

  window.addEventListener("online", function () {
    flush();
  });

  // Leaving the page ends the chat and empties the page, so that Back shows nothing of the conversation.
  function leave() {
    if (token) {
      call("POST", "/end", {}, true).catch(function () { /* the server ends it anyway */ });
    }
    token = null;
    stopped = true;
    pending = [];
    el("chat-log").textContent = "";
    el("chat-message").value = "";
    el("chat-status").textContent = "";
    el("chat-room").hidden = true;
  }
  window.addEventListener("pagehide", leave);
  var exit = document.getElementById("quick-exit");
  if (exit) {
    exit.addEventListener("click", leave, true);
  }
}());
