/**
 * Internal: may change without notice. REST API request validation: required method request parameters and the
 * request body against its model, as a method's request validator asks.
 */
@NullMarked
package dev.apigw.emulator.validation;

import org.jspecify.annotations.NullMarked;
