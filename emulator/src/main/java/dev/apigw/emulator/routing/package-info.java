/** Internal: may change without notice. Matching requests to REST resources and HTTP API routes as AWS does. */
@NullMarked
package dev.apigw.emulator.routing;

import org.jspecify.annotations.NullMarked;
