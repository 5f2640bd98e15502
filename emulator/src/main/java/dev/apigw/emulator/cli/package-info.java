/** Internal: may change without notice. The command line (picocli): start, validate, routes. */
@NullMarked
package dev.apigw.emulator.cli;

import org.jspecify.annotations.NullMarked;
