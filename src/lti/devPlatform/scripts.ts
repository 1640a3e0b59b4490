/** Served as files because the app's CSP forbids inline scripts. */
export const autosubmitScript = `document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-autosubmit]');
  if (form) form.submit();
});
`;

/** The tool's registration page posts org.imsglobal.lti.close to its opener when it is done. */
export const registerScript = `window.addEventListener('message', function (event) {
  if (event.data && event.data.subject === 'org.imsglobal.lti.close') window.location.reload();
});
`;
