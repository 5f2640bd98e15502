/** Internal: may change without notice. Lambda proxy events (payload 1.0 and 2.0) and how AWS reads proxy results. */
@NullMarked
package dev.apigw.emulator.events;

import org.jspecify.annotations.NullMarked;
