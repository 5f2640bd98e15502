/**
 * Public API: the immutable model of an API Gateway API (REST or HTTP), as imported from an
 * OpenAPI / Swagger document. Plain records and sealed types; no parser, server or Lambda types.
 */
@NullMarked
package dev.apigw.model;

import org.jspecify.annotations.NullMarked;
