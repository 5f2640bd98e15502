/** Internal: may change without notice. Integrations: one invoker per integration kind, compiled once at startup. */
@NullMarked
package dev.apigw.emulator.integration;

import org.jspecify.annotations.NullMarked;
