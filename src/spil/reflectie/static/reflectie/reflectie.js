// Autosave for a reflection: every answer is kept in this browser (localStorage) the moment it
// is typed and sent to Spil a moment later. Only when Spil confirms is the browser copy removed,
// so a lost connection or a closed tab loses nothing; the copy is put back on the next visit.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch) { return; }
  var url = form.dataset.autosaveUrl;
  var prefix = "spil-reflectie:" + form.dataset.moment + ":";
  var status = document.getElementById("bewaar-status");
  var fields = Array.prototype.slice.call(form.querySelectorAll("textarea[data-autosave]"));
  var timer = null;
  var busy = false;
  var again = false;

  function storage() { try { return window.localStorage; } catch (e) { return null; } }
  function say(text) { if (status) { status.textContent = text; } }

  function keep(field) {
    var store = storage();
    if (store) { store.setItem(prefix + field.name, field.value); }
  }

  function pending() {
    var store = storage();
    if (!store) { return []; }
    return fields.filter(function (f) { return store.getItem(prefix + f.name) !== null; });
  }

  function send() {
    var dirty = pending();
    if (!dirty.length) { return; }
    if (busy) { again = true; return; }
    busy = true;
    var body = new FormData();
    body.append("csrfmiddlewaretoken", form.querySelector("input[name=csrfmiddlewaretoken]").value);
    var sent = {};
    dirty.forEach(function (f) { body.append(f.name, f.value); sent[f.name] = f.value; });
    fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) { throw new Error(text.trim() || "fout"); }
        var store = storage();
        Object.keys(sent).forEach(function (name) {
          var field = form.elements[name];
          if (store && field && field.value === sent[name]) { store.removeItem(prefix + name); }
        });
        say(text.trim());
      });
    }).catch(function () {
      say("Niet bewaard: geen verbinding met Spil. Je tekst blijft in deze browser staan en wordt verstuurd zodra de verbinding terug is.");
    }).then(function () {
      busy = false;
      if (again) { again = false; send(); }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, 1200);
  }

  var restored = 0;
  var store = storage();
  fields.forEach(function (field) {
    var saved = store ? store.getItem(prefix + field.name) : null;
    if (saved !== null && saved !== field.value) { field.value = saved; restored += 1; }
    // The same text as Spil has: the copy is no longer needed.
    else if (saved !== null) { store.removeItem(prefix + field.name); }
    field.addEventListener("input", function () { keep(field); schedule(); });
  });
  if (restored) {
    say("Tekst die nog niet bij Spil was aangekomen, is teruggezet uit deze browser en wordt nu bewaard.");
    send();
  }
  window.addEventListener("online", send);
})();
