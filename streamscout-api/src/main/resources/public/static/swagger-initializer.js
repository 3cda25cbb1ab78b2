// Starts Swagger UI on /docs with the API's own spec. Kept in a file (not inline) so the page's
// Content-Security-Policy can forbid inline scripts. validatorUrl: null stops the UI from sending
// the spec to an outside validator service.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
