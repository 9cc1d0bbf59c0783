/* Call status between bakes: the site is rebaked within minutes of a call opening or closing,
   but a page already open, or cached, would say "Open" after the deadline. Each call's window is
   on its page (data-opens, data-closing-soon, data-closes); this works out the status on the
   reader's clock when the page loads, updates the status tag, and shows only the parts for that
   status (the apply button, the form, the notices). The intake enforces the exact times anyway.
   Plain ES5, for old phones. */
(function () {
  'use strict';
  if (!document.querySelectorAll || !Date.parse) {
    return;
  }
  var LABELS = { 'upcoming': 'Opens soon', 'open': 'Open', 'closing-soon': 'Closing soon', 'closed': 'Closed' };

  function statusAt(scope, now) {
    if (now < Date.parse(scope.getAttribute('data-opens'))) {
      return 'upcoming';
    }
    if (now >= Date.parse(scope.getAttribute('data-closes'))) {
      return 'closed';
    }
    return now < Date.parse(scope.getAttribute('data-closing-soon')) ? 'open' : 'closing-soon';
  }

  var windows = document.querySelectorAll('[data-call-window]');
  for (var i = 0; i < windows.length; i++) {
    var status = statusAt(windows[i], Date.now());
    var tags = windows[i].querySelectorAll('[data-status-tag]');
    for (var t = 0; t < tags.length; t++) {
      tags[t].textContent = LABELS[status];
      tags[t].className = 'tag tag--' + status;
    }
    var parts = windows[i].querySelectorAll('[data-show-when]');
    for (var p = 0; p < parts.length; p++) {
      var shown = (' ' + parts[p].getAttribute('data-show-when') + ' ').indexOf(' ' + status + ' ') >= 0;
      if (shown) {
        parts[p].removeAttribute('hidden');
      } else {
        parts[p].setAttribute('hidden', '');
      }
    }
  }
}());
