/**
 * Internal: may change without notice. Mapping templates (the one Velocity engine, {@code $input}, {@code $util},
 * {@code $context}, {@code $stageVariables}), parameter mapping and payload conversion, with AWS's semantics.
 */
@NullMarked
package dev.apigw.emulator.mapping;

import org.jspecify.annotations.NullMarked;
