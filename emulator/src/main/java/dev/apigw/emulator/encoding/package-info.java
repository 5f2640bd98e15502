/**
 * Internal: may change without notice. REST API payload compression as API Gateway does it: compressed request bodies
 * decoded before the integration request, responses compressed for clients that accept it.
 */
@NullMarked
package dev.apigw.emulator.encoding;

import org.jspecify.annotations.NullMarked;
