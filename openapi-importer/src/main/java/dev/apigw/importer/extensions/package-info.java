/**
 * Internal: may change without notice.
 *
 * <p>One reader per {@code x-amazon-apigateway-*} extension, named after it. A reader takes the extension's value
 * as a {@link dev.apigw.importer.extensions.SpecNode} and a {@link dev.apigw.importer.Problems} collector and
 * returns a model piece; it never throws for bad input but reports a problem and returns a safe default, so one
 * import reports every problem of a document.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html">
 *     API Gateway extensions to OpenAPI</a>
 */
@NullMarked
package dev.apigw.importer.extensions;

import org.jspecify.annotations.NullMarked;
