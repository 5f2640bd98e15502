/**
 * Public API: the JUnit 5 fixture, {@link dev.apigw.emulator.junit.ApiGatewayExtension}, registered with
 * {@code @RegisterExtension}.
 */
@NullMarked
package dev.apigw.emulator.junit;

import org.jspecify.annotations.NullMarked;
