// Progressive enhancement only: every page works without JavaScript.
document.querySelectorAll('[data-reveal]').forEach(function (control) {
  var target = document.getElementById(control.getAttribute('data-reveal'));
  if (!target) return;
  var group = document.querySelectorAll('input[name="' + control.name + '"]');
  function update() { target.hidden = !control.checked; }
  group.forEach(function (input) { input.addEventListener('change', update); });
  update();
});
// A link to a field (the recap's "Corriger", a summary's items) lands on its input with focus, not only scrolled to.
function focusField(id) {
  var target = id && document.getElementById(id);
  if (!target) return false;
  var input = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
  (input || target).focus();
  return true;
}
document.querySelectorAll('.error-summary a[href^="#"], .step-findings a[href^="#"]').forEach(function (link) {
  link.addEventListener('click', function (event) {
    if (focusField(decodeURIComponent(link.hash.slice(1)))) event.preventDefault();
  });
});
var summary = document.querySelector('.error-summary') || document.querySelector('.step-findings');
if (!focusField(decodeURIComponent(location.hash.slice(1))) && summary) summary.focus();
var autosubmit = document.querySelector('form[data-autosubmit]');
if (autosubmit) autosubmit.submit();
// Dynamic registration ends by telling the LMS window it may close (LTI Dynamic Registration §3.6).
if (document.querySelector('[data-lti-close]')) (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
// No cookie kept inside the LMS frame: once Pstage is opened in a window of its own, the frame says where the work continues.
document.querySelectorAll('[data-new-window]').forEach(function (link) {
  link.addEventListener('click', function () {
    var opened = document.querySelector('[data-new-window-opened]');
    if (opened) opened.hidden = false;
  });
});
// Leaving a wizard step with unsaved changes (its "Précédent" link, the stepper, closing or reloading the page) asks
// first. A form marked data-unsaved holds values that are not stored yet (kept after an error or a conflict).
(function () {
  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-unsaved-warning]'));
  if (forms.length === 0) return;
  function snapshot(form) { return new URLSearchParams(new FormData(form)).toString(); }
  var initial = forms.map(function (form) { return form.hasAttribute('data-unsaved') ? null : snapshot(form); });
  var leaving = false;
  function changedForm() {
    for (var i = 0; i < forms.length; i += 1) if (initial[i] === null || snapshot(forms[i]) !== initial[i]) return forms[i];
    return null;
  }
  forms.forEach(function (form) { form.addEventListener('submit', function () { leaving = true; }); });
  window.addEventListener('pageshow', function () { leaving = false; });
  window.addEventListener('beforeunload', function (event) {
    if (leaving || !changedForm()) return;
    event.preventDefault();
    event.returnValue = '';
  });
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || link.target === '_blank') return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (link.getAttribute('href').charAt(0) === '#') return;
    // A link that says it drops what was typed (the conflict page's "stored version") does not ask again.
    if (link.hasAttribute('data-leave-ok')) { leaving = true; return; }
    var form = changedForm();
    if (!form) return;
    if (window.confirm(form.getAttribute('data-unsaved-warning'))) leaving = true;
    else event.preventDefault();
  });
})();
