package dev.apigw.emulator.observe;

import dev.apigw.model.ApiType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * What the traffic this gateway saw would cost on Amazon API Gateway ({@code GET /_apigw/api/cost}): REST and HTTP
 * API calls, WebSocket messages (sent and received) and connection minutes, at the first pricing tier in us-east-1,
 * without the free tier, data transfer, caching or the integrations' own cost. Counting is one {@link LongAdder}
 * increment per request or frame.
 */
public final class CostEstimate implements GatewayObserver, WebSocketObserver {
    /** The region whose prices {@link Price} holds. */
    public static final String REGION = "us-east-1";
    /** The day the prices were read from {@link #SOURCE}. */
    public static final String PRICES_AS_OF = "2026-11-27";
    public static final String SOURCE = "https://aws.amazon.com/api-gateway/pricing/";
    static final String NOTE = "first pricing tier in us-east-1, without the free tier, data transfer, caching or"
            + " Lambda";
    /** {@link #NOTE} for REST APIs, which also leave out the requests AWS does not bill. */
    static final String REST_NOTE = NOTE + "; REST API calls refused as unauthorized, for a missing or invalid API"
            + " key, by throttling or a quota, or matching no route are not counted, as AWS does not bill them";
    /**
     * The gateway responses of REST API calls AWS does not bill: authentication and authorization refusals, API key
     * and usage plan refusals, throttling, and requests no route matched. AWS says so in answers on re:Post
     * (https://repost.aws/questions/QU5y4fo-e3RWyU5r4VmyPIzA/pricing-clarification-for-api-gateway and
     * https://repost.aws/questions/QUY2x146iORPmsJHpff8u0eA), after the developer guide page that stated it
     * (api-gateway-pricing.html) was removed. Nothing comparable was found for HTTP APIs, so they are billed in full.
     */
    static final Set<String> UNBILLED_REST_ERRORS = Set.of("UNAUTHORIZED", "ACCESS_DENIED", "EXPIRED_TOKEN",
            "INVALID_SIGNATURE", "INVALID_API_KEY", "THROTTLED", "QUOTA_EXCEEDED", "MISSING_AUTHENTICATION_TOKEN",
            "RESOURCE_NOT_FOUND");

    /**
     * Every price apigw knows, in USD per million units: the first tier in {@link #REGION} as of
     * {@link #PRICES_AS_OF}, from {@link #SOURCE}.
     */
    public enum Price {
        /** REST API calls received. */
        REST_CALLS("REST API calls", "calls", 3.50, 0),
        /** HTTP API calls, metered in 512 KB increments: a 513 KB request counts as two calls. */
        HTTP_CALLS("HTTP API calls", "calls", 1.00, 512 * 1024),
        /** WebSocket messages sent or received, metered in 32 KB increments: a 33 KB message counts as two. */
        WEBSOCKET_MESSAGES("WebSocket messages", "messages", 1.00, 32 * 1024),
        /** WebSocket connection minutes. */
        WEBSOCKET_CONNECTION_MINUTES("WebSocket connection minutes", "connection minutes", 0.25, 0);

        private final String item;
        private final String unit;
        private final double usdPerMillion;
        private final int incrementBytes;

        Price(String item, String unit, double usdPerMillion, int incrementBytes) {
            this.item = item;
            this.unit = unit;
            this.usdPerMillion = usdPerMillion;
            this.incrementBytes = incrementBytes;
        }

        public double usdPerMillion() {
            return usdPerMillion;
        }

        /** How many units a payload of {@code bytes} is metered as: at least one. */
        long units(long bytes) {
            return incrementBytes == 0 ? 1 : Math.max(1, (bytes + incrementBytes - 1) / incrementBytes);
        }

        Line line(long quantity) {
            return new Line(item, quantity, unit, usdPerMillion, usd(quantity * usdPerMillion / 1_000_000));
        }
    }

    private final ApiType apiType;
    private final LongAdder calls = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder closedConnectionMinutes = new LongAdder();

    public CostEstimate(ApiType apiType) {
        this.apiType = apiType;
    }

    @Override
    public void observed(ObservedRequest request) {
        if (apiType == ApiType.HTTP) {
            calls.add(Price.HTTP_CALLS.units(request.request().body().length));
        } else if (request.errorType() == null || !UNBILLED_REST_ERRORS.contains(request.errorType())) {
            calls.add(Price.REST_CALLS.units(request.request().body().length));
        }
    }

    @Override
    public void received(String connectionId, @Nullable String routeKey, String data, int size) {
        messages.add(Price.WEBSOCKET_MESSAGES.units(size));
    }

    @Override
    public void sentToClient(String connectionId, @Nullable String routeKey, String data, int size) {
        messages.add(Price.WEBSOCKET_MESSAGES.units(size));
    }

    @Override
    public void disconnected(String connectionId, int closeCode, Duration connectedFor) {
        closedConnectionMinutes.add(minutes(connectedFor));
    }

    /**
     * The estimate so far.
     *
     * @param openConnections how long each connection still open has been open (their minutes count too)
     */
    public Report report(List<Duration> openConnections) {
        List<Line> lines;
        if (apiType == ApiType.WEBSOCKET) {
            long minutes = closedConnectionMinutes.sum();
            for (Duration open : openConnections) {
                minutes += minutes(open);
            }
            lines = List.of(Price.WEBSOCKET_MESSAGES.line(messages.sum()),
                    Price.WEBSOCKET_CONNECTION_MINUTES.line(minutes));
        } else {
            lines = List.of((apiType == ApiType.HTTP ? Price.HTTP_CALLS : Price.REST_CALLS).line(calls.sum()));
        }
        double total = 0;
        for (Line line : lines) {
            total += line.usd();
        }
        return new Report(apiType.name(), REGION, PRICES_AS_OF, SOURCE, lines, usd(total),
                apiType == ApiType.REST ? REST_NOTE : NOTE);
    }

    /** Forgets the traffic counted so far ({@code Gateway.reset()}). */
    public void clear() {
        calls.reset();
        messages.reset();
        closedConnectionMinutes.reset();
    }

    /** Unconfirmed how AWS rounds connection time; apigw counts each connection's started minutes. */
    private static long minutes(Duration connected) {
        long millis = Math.max(0, connected.toMillis());
        return (millis + 59_999) / 60_000;
    }

    /** To a millionth of a cent: one connection minute ($0.00000025) must not show as nothing. */
    private static double usd(double amount) {
        return Math.round(amount * 1e8) / 1e8;
    }

    @Override
    public String toString() {
        return "cost estimate of a " + apiType + " API";
    }

    /** {@code GET /_apigw/api/cost}. */
    public record Report(String apiType, String region, String pricesAsOf, String source, List<Line> lines,
            double totalUsd, String note) {
        public Report {
            lines = List.copyOf(lines);
        }
    }

    /** One priced item: how many units the gateway saw and what they would cost. */
    public record Line(String item, long quantity, String unit, double usdPerMillion, double usd) {}
}
