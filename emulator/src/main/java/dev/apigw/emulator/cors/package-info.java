/** Internal: may change without notice. HTTP API CORS: preflight answers and CORS headers on responses. */
@NullMarked
package dev.apigw.emulator.cors;

import org.jspecify.annotations.NullMarked;
