/** Internal: may change without notice. REST API Lambda authorizers (TOKEN and REQUEST): events, policies, cache. */
@NullMarked
package dev.apigw.emulator.auth;

import org.jspecify.annotations.NullMarked;
