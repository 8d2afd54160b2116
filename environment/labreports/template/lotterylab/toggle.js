// One button opens or folds the code of every cell; without script, each cell's own toggle works.
(function () {
  var button = document.getElementById('lab-toggle-code');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-pressed') !== 'true';
    document.querySelectorAll('details.lab-code').forEach(function (code) {
      code.open = open;
    });
    button.setAttribute('aria-pressed', String(open));
    button.textContent = open ? 'Fold all code' : 'Show all code';
  });
})();
