package dev.apigw.emulator.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An access log format as a stage's {@code accessLogSettings.format} holds it: text with {@code $context} variables,
 * parsed once at startup. The presets are the console's CLF, JSON, XML and CSV examples, which differ between REST
 * and HTTP APIs [D set-up-access-logging, http-api-logging].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-access-logging.html
 */
final class AccessLogFormat {
    /** Variable names are letters, digits, underscores and dots [D: "the only supported special character is _"]. */
    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_.]*)");

    private static final Map<String, String> REST_PRESETS = Map.of(
            "clf", "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime]"
                    + "\"$context.httpMethod $context.resourcePath $context.protocol\" $context.status"
                    + " $context.responseLength $context.requestId $context.extendedRequestId",
            "json", "{ \"requestId\":\"$context.requestId\", \"extendedRequestId\":\"$context.extendedRequestId\","
                    + "\"ip\": \"$context.identity.sourceIp\", \"caller\":\"$context.identity.caller\","
                    + " \"user\":\"$context.identity.user\", \"requestTime\":\"$context.requestTime\","
                    + " \"httpMethod\":\"$context.httpMethod\", \"resourcePath\":\"$context.resourcePath\","
                    + " \"status\":\"$context.status\", \"protocol\":\"$context.protocol\","
                    + " \"responseLength\":\"$context.responseLength\" }",
            "xml", "<request id=\"$context.requestId\">"
                    + " <extendedRequestId>$context.extendedRequestId</extendedRequestId>"
                    + " <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller>"
                    + " <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime>"
                    + " <httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath>"
                    + " <status>$context.status</status> <protocol>$context.protocol</protocol>"
                    + " <responseLength>$context.responseLength</responseLength> </request>",
            "csv", "$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,"
                    + "$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,"
                    + "$context.responseLength,$context.requestId,$context.extendedRequestId");

    private static final Map<String, String> HTTP_PRESETS = Map.of(
            "clf", "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.routeKey"
                    + " $context.protocol\" $context.status $context.responseLength $context.requestId"
                    + " $context.extendedRequestId",
            "json", "{ \"requestId\":\"$context.requestId\", \"ip\": \"$context.identity.sourceIp\","
                    + " \"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\","
                    + "\"routeKey\":\"$context.routeKey\", \"status\":\"$context.status\","
                    + "\"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\","
                    + " \"extendedRequestId\": \"$context.extendedRequestId\" }",
            "xml", "<request id=\"$context.requestId\"> <ip>$context.identity.sourceIp</ip>"
                    + " <requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod>"
                    + " <routeKey>$context.routeKey</routeKey> <status>$context.status</status>"
                    + " <protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength>"
                    + " <extendedRequestId>$context.extendedRequestId</extendedRequestId> </request>",
            "csv", "$context.identity.sourceIp,$context.requestTime,$context.httpMethod,$context.routeKey,"
                    + "$context.protocol,$context.status,$context.responseLength,$context.requestId,"
                    + "$context.extendedRequestId");

    /** A piece of the format: literal text, or a variable (its name without {@code $context.}). */
    private record Segment(String text, boolean variable) {}

    private final List<Segment> segments;

    private AccessLogFormat(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * A preset's name (case-insensitive) or a format string.
     *
     * @throws IllegalArgumentException naming the first variable the API type does not log, or when the format has
     *     neither {@code $context.requestId} nor {@code $context.extendedRequestId}
     */
    static AccessLogFormat parse(String format, boolean httpApi) {
        String preset = (httpApi ? HTTP_PRESETS : REST_PRESETS).get(format.trim().toLowerCase(Locale.ROOT));
        String text = preset != null ? preset : format;
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        int literalStart = 0;
        while (matcher.find()) {
            // A dot ending the name is punctuation ("... $context.status."), not part of it.
            String name = matcher.group(1).replaceAll("\\.+$", "");
            int nameEnd = matcher.start(1) + name.length();
            AccessLogVariables.check(name, httpApi);
            segments.add(new Segment(text.substring(literalStart, matcher.start()), false));
            segments.add(new Segment(name, true));
            literalStart = nameEnd;
        }
        segments.add(new Segment(text.substring(literalStart), false));
        boolean identified = segments.stream().anyMatch(s -> s.variable()
                && (s.text().equals("requestId") || s.text().equals("extendedRequestId")));
        if (!identified) {
            // AWS refuses such a stage setting [D: "must include at least $context.requestId or ...extendedRequestId"].
            throw new IllegalArgumentException("the access log format must include $context.requestId or"
                    + " $context.extendedRequestId, as API Gateway requires; add one, or use a preset: clf, json,"
                    + " xml or csv");
        }
        return new AccessLogFormat(segments);
    }

    /** The line for one request; {@code values} gives a variable's value, or null when AWS would print {@code -}. */
    String render(Function<String, @Nullable String> values) {
        StringBuilder line = new StringBuilder(256);
        for (Segment segment : segments) {
            if (!segment.variable()) {
                line.append(segment.text());
                continue;
            }
            String value = values.apply(segment.text());
            line.append(value == null ? "-" : value);
        }
        // One request, one line, whatever a header or message holds.
        return line.toString().replace('\r', ' ').replace('\n', ' ');
    }
}
