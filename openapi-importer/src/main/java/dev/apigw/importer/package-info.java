/**
 * Public API: {@link dev.apigw.importer.OpenApiImporter} turns an OpenAPI 3 / Swagger 2 document into
 * the {@link dev.apigw.model} and a list of {@link dev.apigw.importer.Problem}s.
 */
@NullMarked
package dev.apigw.importer;

import org.jspecify.annotations.NullMarked;
