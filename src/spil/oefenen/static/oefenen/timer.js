// Optional thinking time per situation. It never acts by itself: when time runs out the page
// only says so, and the player can extend it or switch it off (WCAG 2.2.1).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector(".spil-timer");
    if (!box) return;
    var left = parseInt(box.getAttribute("data-seconds"), 10);
    var shown = box.querySelector(".spil-timer__left");
    var done = box.querySelector(".spil-timer__done");
    box.hidden = false;
    var timer = window.setInterval(tick, 1000);
    function tick() {
      left = Math.max(0, left - 1);
      shown.textContent = String(left);
      if (left === 0) {
        window.clearInterval(timer);
        timer = null;
        done.hidden = false;
      }
    }
    box.querySelector(".spil-timer__extend").addEventListener("click", function () {
      left += 120;
      shown.textContent = String(left);
      done.hidden = true;
      if (timer === null) timer = window.setInterval(tick, 1000);
    });
    box.querySelector(".spil-timer__stop").addEventListener("click", function () {
      if (timer !== null) window.clearInterval(timer);
      box.hidden = true;
    });
  });
})();
