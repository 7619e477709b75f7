/*
 * Musubi: passkeys (WebAuthn). A button with data-passkey="create" adds one: it asks the server for creation options
 * (data-options), lets the browser create the credential and posts it (data-post); data-passkey="get" answers the
 * second login step the same way. Options and credentials travel in the WebAuthn Level 3 JSON forms. The CSRF token
 * comes from the page's element #csrf-token (data-header, data-token). No inline script (strict CSP).
 */
(function () {
  'use strict';

  function csrf() {
    var token = document.getElementById('csrf-token');
    var headers = {};
    if (token) {
      headers[token.dataset.header] = token.dataset.token;
    }
    return headers;
  }

  function post(url, body, json) {
    var headers = csrf();
    headers['Content-Type'] = json ? 'application/json' : 'text/plain';
    return fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' });
  }

  function fail(button) {
    var message = document.getElementById(button.dataset.error);
    if (message) {
      message.hidden = false;
    }
    button.disabled = false;
  }

  function create(button) {
    post(button.dataset.options, '', false)
      .then(function (r) { if (!r.ok) { throw new Error('options'); } return r.json(); })
      .then(function (options) {
        return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
      })
      .then(function (credential) {
        var label = document.getElementById(button.dataset.label);
        var url = button.dataset.post + (label && label.value ? '?label=' + encodeURIComponent(label.value) : '');
        return post(url, JSON.stringify(credential.toJSON()), true);
      })
      .then(function (r) { if (!r.ok) { throw new Error('refused'); } return r.json(); })
      .then(function (answer) { window.location.assign(answer.redirect); })
      .catch(function () { fail(button); });
  }

  function options(button) {
    return fetch(button.dataset.options, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('options'); } return r.json(); });
  }

  function get(button, preloaded) {
    (preloaded ? Promise.resolve(preloaded) : options(button))
      .then(function (options) {
        return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      })
      .then(function (credential) { return post(button.dataset.post, JSON.stringify(credential.toJSON()), true); })
      .then(function (r) { return r.json().then(function (answer) { return { ok: r.ok, answer: answer }; }); })
      .then(function (result) {
        if (result.answer.redirect) {
          window.location.assign(result.answer.redirect);
        } else {
          throw new Error('refused');
        }
      })
      .catch(function () { fail(button); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
      return;
    }
    document.querySelectorAll('[data-passkey]').forEach(function (button) {
      var preloaded = null;
      if (button.dataset.passkey === 'get') {
        // the user's passkeys, if any: the button shows only for a user who has one
        options(button).then(function (o) {
          if (o.allowCredentials && o.allowCredentials.length > 0) {
            preloaded = o;
            button.hidden = false;
          }
        }).catch(function () { });
      } else {
        button.hidden = false;
      }
      button.addEventListener('click', function () {
        button.disabled = true;
        if (button.dataset.passkey === 'get') {
          get(button, preloaded);
          preloaded = null;
        } else {
          create(button);
        }
      });
    });
  });
}());
