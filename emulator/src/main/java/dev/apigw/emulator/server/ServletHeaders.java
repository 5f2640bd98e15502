package dev.apigw.emulator.server;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import jakarta.servlet.http.HttpServletRequest;

/** A request's headers as the servlet API gives them, read the same way by both transports. */
final class ServletHeaders {
    private ServletHeaders() {}

    /**
     * Gives {@code each} every header name once, under its first spelling, with its values, in the order received.
     * The servlet API lists a name once per spelling ({@code x-a} and {@code X-A}) but gives each spelling every
     * value of the name, so a name already seen in another spelling is skipped.
     */
    static void forEach(HttpServletRequest req, BiConsumer<String, Enumeration<String>> each) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            if (seen.add(name)) {
                each.accept(name, req.getHeaders(name));
            }
        }
    }

    /** The headers as {@link #forEach} reads them, by name. */
    static Map<String, List<String>> of(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        forEach(req, (name, values) -> headers.put(name, Collections.list(values)));
        return headers;
    }
}
