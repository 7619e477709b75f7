/*
 * Musubi Box: files sent from the page go up resumably (tus, with tus-js-client served by Musubi itself) before the
 * form is sent. Each file chosen is uploaded to the input's data-endpoint with the session's CSRF token (#csrf-token);
 * a dropped connection is resumed where the server holds it (retries with growing delays; the same file chosen again
 * after a reload continues too). When every file is up, the form is sent with one hidden "upload" field per file
 * instead of the bytes. A file over the per-file limit or the quota's rest is refused by the server when its upload is
 * created (nothing stored), and its message shown. The button clicked (the send's confirmation, confirmed=yes) is sent
 * as a field, since form.submit() sends none. Without tus-js-client (or JavaScript), the form posts the files as
 * a plain multipart upload. No inline script (strict CSP).
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

  function show(id, on) {
    var element = document.getElementById(id);
    if (element) {
      element.hidden = !on;
    }
  }

  function start(form, input, submitter) {
    var files = Array.prototype.slice.call(input.files);
    var total = files.reduce(function (sum, f) { return sum + f.size; }, 0);
    var done = new Array(files.length).fill(0);
    var ids = [];
    var bar = document.getElementById('box-progress-bar');
    var text = document.getElementById('box-progress-text');
    var button = document.getElementById('box-send-confirm');
    show('box-progress', true);
    show('box-progress-failed', false);
    if (button) {
      button.disabled = true;
    }
    function progress() {
      var sent = done.reduce(function (a, b) { return a + b; }, 0);
      var percent = total === 0 ? 100 : Math.floor(sent * 100 / total);
      bar.value = percent;
      text.textContent = percent + ' %';
    }
    function upload(index) {
      if (index === files.length) {
        input.disabled = true;
        ids.forEach(function (id) {
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'upload';
          hidden.value = id;
          form.appendChild(hidden);
        });
        if (submitter && submitter.name) {
          // form.submit() sends no button: the confirmation the sender clicked goes as a field
          var confirmed = document.createElement('input');
          confirmed.type = 'hidden';
          confirmed.name = submitter.name;
          confirmed.value = submitter.value;
          form.appendChild(confirmed);
        }
        form.dataset.uploaded = 'true';
        form.submit();
        return;
      }
      var file = files[index];
      var task = new window.tus.Upload(file, {
        endpoint: input.dataset.endpoint,
        headers: csrf(),
        metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
        chunkSize: 64 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
        removeFingerprintOnSuccess: true,
        onShouldRetry: function (error, retryAttempt) {
          show('box-progress-resumed', true);
          var status = error.originalResponse ? error.originalResponse.getStatus() : 0;
          return status === 0 || status === 423 || status >= 500;
        },
        onProgress: function (sent) {
          done[index] = sent;
          progress();
        },
        onSuccess: function () {
          ids.push(task.url.substring(task.url.lastIndexOf('/') + 1));
          done[index] = file.size;
          progress();
          upload(index + 1);
        },
        onError: function (error) {
          var failed = document.getElementById('box-progress-failed');
          var body = error.originalResponse ? error.originalResponse.getBody() : '';
          failed.textContent = failed.textContent.split(' — ')[0] + (body ? ' — ' + body : '');
          show('box-progress-failed', true);
          if (button) {
            button.disabled = false;
          }
        }
      });
      task.findPreviousUploads().then(function (previous) {
        if (previous.length) {
          task.resumeFromPreviousUpload(previous[0]);
        }
        task.start();
      });
    }
    upload(0);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('box-send-form');
    var input = document.getElementById('files');
    if (!form || !input || !window.tus || !window.tus.isSupported) {
      return;
    }
    form.addEventListener('submit', function (event) {
      if (form.dataset.uploaded === 'true' || !input.files || input.files.length === 0) {
        return;
      }
      event.preventDefault();
      start(form, input, event.submitter);
    });
  });
}());
