// Upload progress for the agenda import form (htmx posts it; without JS it is a normal form).
(function () {
  function parts(event) {
    var form = event.target.closest && event.target.closest("[data-agenda-import]");
    if (!form) return null;
    return {
      form: form,
      box: form.querySelector("[data-agenda-progress]"),
      bar: form.querySelector("progress"),
      status: form.querySelector("[data-agenda-status]"),
    };
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var p = parts(event);
    if (!p) return;
    p.box.hidden = false;
    p.bar.value = 0;
    p.status.textContent = "Bestand wordt verstuurd…";
  });
  document.addEventListener("htmx:xhr:progress", function (event) {
    var p = parts(event);
    if (!p || !event.detail.lengthComputable) return;
    var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
    p.bar.value = percent;
    if (percent >= 100) p.status.textContent = "Verstuurd; Spil leest de agenda in…";
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var p = parts(event);
    if (!p) return;
    p.box.hidden = true;
    p.status.textContent = event.detail.successful ? "Klaar." : "Inlezen is niet gelukt.";
    var result = document.getElementById("import-resultaat");
    if (result) result.focus();
  });
})();
