/* Application forms, when JavaScript runs: send the answers as JSON with an id that makes a
   retry harmless, stop a second click sending twice, show problems in place, count characters.
   Without JavaScript the form posts as a plain HTML form and everything still works. */
(function () {
  'use strict';
  var form = document.querySelector('[data-apply-form]');
  if (!form || !window.fetch || !window.JSON || !document.querySelector) {
    return;
  }
  var button = form.querySelector('[data-prevent-double-click]');
  var buttonText = button.textContent;
  var submissionId = newId();
  var sending = false;
  var submitter = null;

  countCharacters();
  linkSummaryToQuestions(document);
  /* After the browser's own scroll to #apply, which would otherwise take the focus back. */
  window.addEventListener('load', function () {
    window.setTimeout(focusTheNewPage, 0);
  });

  /* Which button sent the form: older browsers have no event.submitter. */
  form.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('button') : null;
    submitter = target && target.type === 'submit' ? target : null;
  });

  /* Back to this page after sending (kept whole by the browser): the button works again.
     Sending again is harmless: the same submission id gets the same reference. */
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      release();
    }
  });

  form.addEventListener('submit', function (event) {
    var by = event.submitter || submitter;
    submitter = null;
    if (by && by.name === 'go') {
      return; /* moving between the form's pages: a plain post, as without JavaScript */
    }
    event.preventDefault();
    if (sending) {
      return;
    }
    sending = true;
    button.disabled = true;
    button.textContent = 'Sending…';
    var answers = collect();
    answers.submissionId = submissionId;
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(answers),
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      if (result.status === 201) {
        window.location.assign(result.body.confirmationUrl);
        return;
      }
      if (result.status === 422 && !allShown(result.body.errors || [])) {
        /* A problem on an earlier page: the intake shows that page, with every answer kept. */
        form.submit();
        return;
      }
      if (result.status === 422) {
        showProblems(result.body.errors || []);
      } else {
        showProblems([{ field: '', message: result.body.detail || 'Sorry, there is a problem with the service. Try again later.' }]);
      }
      release();
    }).catch(function () {
      showProblems([{ field: '', message: 'Your application has not been sent. Check your internet connection and try again.' }]);
      release();
    });
  });

  function allShown(errors) {
    return errors.every(function (error) {
      var group = error.field && document.getElementById(error.field + '-group');
      return !group || !group.closest('[hidden]');
    });
  }

  function release() {
    sending = false;
    button.disabled = false;
    button.textContent = buttonText;
  }

  /* Checkbox groups send a list; everything else one value. */
  function collect() {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === 'submit' || ((field.type === 'checkbox' || field.type === 'radio') && !field.checked)) {
        return;
      }
      if (field.type === 'checkbox' && field.closest('fieldset')) {
        (answers[field.name] = answers[field.name] || []).push(field.value);
      } else {
        answers[field.name] = field.value;
      }
    });
    return answers;
  }

  function showProblems(errors) {
    clearProblems();
    var summary = document.createElement('div');
    summary.className = 'error-summary';
    summary.setAttribute('data-error-summary', '');
    summary.setAttribute('tabindex', '-1');
    summary.setAttribute('role', 'alert');
    summary.setAttribute('aria-labelledby', 'error-summary-title');
    var title = document.createElement('h2');
    title.className = 'error-summary__title';
    title.id = 'error-summary-title';
    title.textContent = 'There is a problem';
    var list = document.createElement('ul');
    list.className = 'error-summary__list';
    errors.forEach(function (error) {
      var item = document.createElement('li');
      var group = error.field && document.getElementById(error.field + '-group');
      if (group) {
        var link = document.createElement('a');
        link.href = '#' + error.field;
        link.textContent = error.message;
        item.appendChild(link);
        markQuestion(group, error);
      } else {
        item.textContent = error.message;
      }
      list.appendChild(item);
    });
    summary.appendChild(title);
    summary.appendChild(list);
    form.insertBefore(summary, form.firstChild);
    linkSummaryToQuestions(summary);
    document.title = 'Error: ' + document.title.replace(/^Error: /, '');
    summary.focus();
  }

  function markQuestion(group, error) {
    group.classList.add('form-group--error');
    var message = document.createElement('p');
    message.className = 'error-message';
    message.id = error.field + '-error';
    message.innerHTML = '<span class="visually-hidden">Error:</span> ';
    message.appendChild(document.createTextNode(error.message));
    var hint = document.getElementById(error.field + '-hint');
    var anchor = hint || group.querySelector('legend, label');
    anchor.parentNode.insertBefore(message, anchor.nextSibling);
    var described = group.querySelector('fieldset') || document.getElementById(error.field);
    if (described) {
      var ids = (described.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      ids.push(message.id);
      described.setAttribute('aria-describedby', ids.join(' '));
    }
  }

  function clearProblems() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-error-summary]'), function (summary) {
      summary.parentNode.removeChild(summary);
    });
    Array.prototype.forEach.call(form.querySelectorAll('.error-message'), function (message) {
      var described = document.querySelector('[aria-describedby~="' + message.id + '"]');
      if (described) {
        described.setAttribute('aria-describedby', described.getAttribute('aria-describedby').replace(message.id, '').trim());
      }
      message.parentNode.removeChild(message);
    });
    Array.prototype.forEach.call(form.querySelectorAll('.form-group--error'), function (group) {
      group.classList.remove('form-group--error');
    });
  }

  /* After Continue (the page opened at #apply): focus the problems, or else the new section's
     heading, so a screen reader says where it is and Tab goes on from there. (A page opened at a
     fragment gets no autofocus, so the summary's own autofocus only acts on a send's problems.) */
  function focusTheNewPage() {
    if (window.location.hash !== '#' + form.id) {
      return;
    }
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
      summary.focus();
      return;
    }
    var sections = form.querySelectorAll('[data-section]');
    for (var i = 0; i < sections.length; i++) {
      if (!sections[i].hidden) {
        var heading = sections[i].querySelector('.form-section__title, h2');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
        return;
      }
    }
  }

  /* As GOV.UK does: a summary link moves focus to its question and shows the question's label too. */
  function linkSummaryToQuestions(root) {
    Array.prototype.forEach.call(root.querySelectorAll('.error-summary__list a'), function (link) {
      link.addEventListener('click', function (event) {
        var input = document.getElementById(link.getAttribute('href').slice(1));
        if (!input) {
          return;
        }
        event.preventDefault();
        var group = document.getElementById(input.name + '-group');
        (group || input).scrollIntoView();
        input.focus({ preventScroll: true });
      });
    });
  }

  function countCharacters() {
    Array.prototype.forEach.call(form.querySelectorAll('textarea[data-maxlength]'), function (area) {
      var max = parseInt(area.getAttribute('data-maxlength'), 10);
      var info = document.getElementById(area.id + '-info');
      var update = function () {
        var left = max - area.value.length;
        info.textContent = left >= 0 ? 'You have ' + left + ' character' + (left === 1 ? '' : 's') + ' remaining'
          : 'You have ' + (-left) + ' character' + (left === -1 ? '' : 's') + ' too many';
        info.classList.toggle('character-count--over', left < 0);
      };
      area.addEventListener('input', update);
      update();
    });
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return 'id-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }
}());
