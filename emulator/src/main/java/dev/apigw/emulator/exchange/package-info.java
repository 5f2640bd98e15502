/** Internal: may change without notice. The immutable exchange that the pipeline's stages share. */
@NullMarked
package dev.apigw.emulator.exchange;

import org.jspecify.annotations.NullMarked;
