/*
 * Musubi emergency pages (ambulance crews, emergency rooms). Two small helps, both optional (the pages work without
 * JavaScript), no inline script or style (strict CSP):
 *  - the banner of an open emergency access counts down its minutes and reloads the page when it has ended (the
 *    server then answers that the record is not there any more);
 *  - where the browser has a BarcodeDetector, the find page offers to read the QR code of the card or of the printed
 *    emergency sheet with the phone's camera; the code read goes into the card field and the form is sent. A QR
 *    scanner app that types or pastes into the field works everywhere.
 */
(function () {
  'use strict';

  function countdown() {
    var banner = document.getElementById('emergency-banner');
    if (!banner || !banner.dataset.expires) {
      return;
    }
    var expires = Date.parse(banner.dataset.expires);
    var hours = document.getElementById('left-h');
    var minutes = document.getElementById('left-m');
    function tick() {
      var left = Math.floor((expires - Date.now()) / 60000);
      if (left < 0) {
        window.location.reload();
        return;
      }
      if (hours && minutes) {
        hours.textContent = String(Math.floor(left / 60));
        minutes.textContent = String(left % 60);
      }
    }
    tick();
    window.setInterval(tick, 20000);
  }

  function scanner() {
    var button = document.getElementById('scan');
    var video = document.getElementById('scan-video');
    var field = document.getElementById('card');
    if (!button || !video || !field || !('BarcodeDetector' in window) || !navigator.mediaDevices
        || !navigator.mediaDevices.getUserMedia) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        function stop() {
          stream.getTracks().forEach(function (track) { track.stop(); });
          video.hidden = true;
        }
        function look() {
          detector.detect(video).then(function (codes) {
            if (codes.length > 0 && codes[0].rawValue) {
              stop();
              field.value = codes[0].rawValue;
              field.form.submit();
            } else {
              window.setTimeout(look, 250);
            }
          }, function () { window.setTimeout(look, 500); });
        }
        look();
      }, function () {
        button.hidden = true;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    countdown();
    scanner();
  });
}());
