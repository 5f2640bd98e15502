package dev.apigw.emulator.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jakarta.servlet.http.HttpServletRequest;

/** A request's headers as the servlet API gives them, read once for both transports. */
final class ServletHeaders {
    private ServletHeaders() {}

    /**
     * Every header value once, under the first spelling of its name, in the order received. The servlet API lists a
     * name once per spelling ({@code x-a} and {@code X-A}) but gives each spelling every value of the name, so a name
     * already seen in another spelling is skipped.
     */
    static Map<String, List<String>> of(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(req.getHeaderNames())) {
            if (seen.add(name)) {
                headers.put(name, Collections.list(req.getHeaders(name)));
            }
        }
        return headers;
    }
}
