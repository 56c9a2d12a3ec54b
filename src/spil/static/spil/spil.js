// Small enhancements; every page works without them.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function setupCopyButtons(root) {
    root.querySelectorAll("button.spil-copy[data-copy-target]").forEach(function (button) {
      if (button.dataset.ready) { return; }
      button.dataset.ready = "1";
      button.hidden = false;
      var status = button.parentElement.querySelector(".spil-copy__status");
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copyTarget);
        if (!source) { return; }
        copyText(source.textContent.trim()).then(function () {
          if (status) { status.textContent = "Bronvermelding gekopieerd."; }
        }, function () {
          if (status) { status.textContent = "Kopiëren lukte niet; selecteer de tekst en kopieer die zelf."; }
        });
      });
    });
  }

  function setupDropzones(root) {
    root.querySelectorAll("form[data-dropzone]").forEach(function (form) {
      var zone = form.querySelector(".spil-dropzone");
      var input = form.querySelector("input[type=file]");
      if (!zone || !input) { return; }
      var hint = zone.querySelector(".spil-dropzone__hint");
      if (hint) { hint.hidden = false; }
      ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (event) {
          event.preventDefault();
          zone.classList.add("spil-dropzone--active");
        });
      });
      ["dragleave", "drop"].forEach(function (name) {
        zone.addEventListener(name, function () {
          zone.classList.remove("spil-dropzone--active");
        });
      });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        if (!event.dataTransfer || !event.dataTransfer.files.length) { return; }
        input.files = event.dataTransfer.files;
        form.requestSubmit ? form.requestSubmit() : form.submit();
      });
    });
  }

  function setup(root) {
    setupCopyButtons(root);
    setupDropzones(root);
  }

  // A live update that ends on the login page (session expired) reloads the whole page there,
  // instead of putting a login form inside the results or the upload list.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && xhr.responseURL.indexOf("/account/inloggen/") !== -1) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL);
    }
  });

  // Live search: a pause in typing updates the results and the address, but only a deliberate
  // search (Enter, the button, a filter) adds a step to the browser's history.
  // Spil-Trigger names the field that changed, so the server can update what depends on it.
  document.addEventListener("htmx:configRequest", function (event) {
    var trigger = event.detail.triggeringEvent;
    if (!trigger || !event.detail.elt.hasAttribute("data-live-search")) { return; }
    if (trigger.type === "input") { event.detail.headers["Spil-Live"] = "1"; }
    if (trigger.target && trigger.target.id) { event.detail.headers["Spil-Trigger"] = trigger.target.id; }
  });

  // Upload progress: the refreshed list carries one sentence; the live region (which is not
  // replaced) gets it only when it changed, so a screen reader hears each step once.
  function announceProgress() {
    var status = document.getElementById("upload-status");
    var live = document.getElementById("upload-voortgang");
    if (!status || !live) { return; }
    var text = status.getAttribute("data-voortgang") || "";
    var busy = status.hasAttribute("hx-trigger");
    try {
      if (busy) { sessionStorage.setItem("spil-upload-wacht", "1"); }
      else { sessionStorage.removeItem("spil-upload-wacht"); }
    } catch (e) { /* storage may be off; announcing still works within the page */ }
    if (text && live.textContent !== text) { live.textContent = text; }
  }
  document.addEventListener("htmx:afterSettle", announceProgress);
  // When the last file is done the page reloads (to show the new documents): say so there.
  document.addEventListener("DOMContentLoaded", function () {
    var waited = false;
    try { waited = sessionStorage.getItem("spil-upload-wacht") === "1"; } catch (e) { waited = false; }
    if (waited) { window.setTimeout(announceProgress, 300); }
  });

  // "Meer resultaten": after the longer list arrives, focus moves to the first new result, so
  // keyboard and screen-reader users continue where the list grew (the link itself is gone).
  document.addEventListener("htmx:afterSettle", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    var target = source && source.getAttribute && source.getAttribute("data-more-results");
    if (!target) { return; }
    var first = document.getElementById(target);
    if (first) { first.focus(); }
  });

  document.addEventListener("DOMContentLoaded", function () { setup(document); });
  document.addEventListener("htmx:afterSettle", function (event) { setup(event.target); });
})();
