package dev.apigw.emulator.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;

/**
 * What API Gateway does to the headers an integration returns before they reach the client: headers that
 * describe the transport are dropped (the gateway frames the body itself), and headers the gateway sets on its
 * own are renamed to {@code x-amzn-Remapped-<name>} (AWS-REFERENCE 5.6; "Known issues" in the developer guide).
 */
public final class HeaderRemapping {
    private static final Set<String> DROPPED = Set.of("content-length", "transfer-encoding", "keep-alive");

    private static final Set<String> REMAPPED = Set.of("connection", "date", "server",
            "x-amzn-requestid", "x-amz-apigw-id", "apigw-requestid");

    private HeaderRemapping() {}

    public static GatewayResponse apply(GatewayResponse response) {
        List<Header> headers = new ArrayList<>(response.headers().all().size());
        boolean changed = false;
        for (Header header : response.headers().all()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (DROPPED.contains(lower)) {
                changed = true;
            } else if (REMAPPED.contains(lower)) {
                headers.add(new Header("x-amzn-Remapped-" + header.name(), header.value()));
                changed = true;
            } else {
                headers.add(header);
            }
        }
        return changed ? new GatewayResponse(response.status(), new Headers(headers), response.body()) : response;
    }
}
