/** Internal: may change without notice. The Javalin transport and the emulator's own endpoints. */
@NullMarked
package dev.apigw.emulator.server;

import org.jspecify.annotations.NullMarked;
