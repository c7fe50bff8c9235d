// A form with [data-decisions] holds radios (the decision) and one block per decision
// ([data-decision="VALUE"]): only the chosen decision's block is shown. Without this script every
// block shows with its heading, and the server reads only the chosen decision's fields anyway.
(function () {
  'use strict';
  document.querySelectorAll('form[data-decisions]').forEach(function (form) {
    var radios = form.querySelectorAll('input[type=radio]');
    var blocks = form.querySelectorAll('[data-decision]');
    function show() {
      var chosen = form.querySelector('input[type=radio]:checked');
      blocks.forEach(function (block) {
        block.hidden = !chosen || block.getAttribute('data-decision') !== chosen.value;
      });
    }
    radios.forEach(function (radio) { radio.addEventListener('change', show); });
    show();
  });
}());
