// Starts Swagger UI (vendored: api/static/vendor/) over the API's OpenAPI schema. A file, since the
// pages allow no inline script. No validator badge: it would send the schema to validator.swagger.io.
"use strict";

window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
