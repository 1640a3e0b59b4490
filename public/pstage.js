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
