/**
 * Internal: may change without notice. Token authorizers: HTTP API JWT authorizers, REST Cognito user pool
 * authorizers, the key sources that verify their tokens, and apigw's local issuer.
 */
@NullMarked
package dev.apigw.emulator.auth.jwt;

import org.jspecify.annotations.NullMarked;
