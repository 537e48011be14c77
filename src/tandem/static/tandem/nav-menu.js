// The main navigation is a <details> disclosure, open in the HTML so that it works without
// JavaScript. On a narrow screen it starts folded behind its "Menu" button (Escape folds it
// again); on a wide screen its button is hidden and the navigation always open.
(function () {
  var menu = document.querySelector(".nav-menu");
  if (!menu) return;
  var wide = window.matchMedia("(min-width: 768px)");
  function fit() {
    menu.open = wide.matches;
  }
  fit();
  wide.addEventListener("change", fit);
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
