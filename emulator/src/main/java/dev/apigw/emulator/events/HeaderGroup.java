package dev.apigw.emulator.events;

import java.util.List;

/**
 * One header name as an event shows it, with every value sent under it (case-insensitively) in order.
 *
 * @param values never empty
 */
record HeaderGroup(String name, List<String> values) {
    /** The value single-value views ({@code headers}) keep: the last one [L]. */
    String last() {
        return values.get(values.size() - 1);
    }
}
