/**
 * Internal: may change without notice. The support report: what a document asks of API Gateway that apigw does not
 * enforce, with where it is written, for the startup warning, {@code --strict} and {@code apigw validate}.
 */
@NullMarked
package dev.apigw.emulator.support;

import org.jspecify.annotations.NullMarked;
