// Progressive enhancement only: every page works without JavaScript.
document.querySelectorAll('[data-reveal]').forEach(function (control) {
  var target = document.getElementById(control.getAttribute('data-reveal'));
  if (!target) return;
  var group = document.querySelectorAll('input[name="' + control.name + '"]');
  function update() { target.hidden = !control.checked; }
  group.forEach(function (input) { input.addEventListener('change', update); });
  update();
});
var summary = document.querySelector('.error-summary');
if (summary) summary.focus();
var autosubmit = document.querySelector('form[data-autosubmit]');
if (autosubmit) autosubmit.submit();
// Dynamic registration ends by telling the LMS window it may close (LTI Dynamic Registration §3.6).
if (document.querySelector('[data-lti-close]')) (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
