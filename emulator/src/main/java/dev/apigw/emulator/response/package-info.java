/** Internal: may change without notice. Gateway errors and AWS's default gateway responses. */
@NullMarked
package dev.apigw.emulator.response;

import org.jspecify.annotations.NullMarked;
