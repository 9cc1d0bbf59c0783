// "Print or save a copy of your answers" (the check and confirmation pages): the button is drawn
// hidden because it needs JavaScript; without it the words beside it say to use the browser's
// Print, which can also save a PDF. The print styles in site.css leave out all but the content.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
}());
