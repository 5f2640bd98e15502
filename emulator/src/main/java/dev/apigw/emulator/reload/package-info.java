/**
 * Internal: may change without notice. Hot reload: watching function classpaths and the spec for changes, and
 * swapping in the new version while the old one finishes what it is doing.
 */
@NullMarked
package dev.apigw.emulator.reload;

import org.jspecify.annotations.NullMarked;
