package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import org.junit.jupiter.api.Test;

/**
 * Request ids come from a DRBG, so one client cannot guess the id of another's request from its own: ids of
 * consecutive requests are distinct, well formed, and share nothing beyond their format.
 */
class RequestIdsTest {
    private static final int REQUESTS = 200;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void rest_api_request_ids_of_consecutive_requests_are_random_version_4_uuids() throws Exception {
        List<String> ids = ids("rest-api.yaml", "/echo", "x-amzn-RequestId");

        assertThat(ids).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertUnrelated(ids.stream().map(id -> id.replace("-", "")).toList());
    }

    @Test
    void http_api_request_ids_of_consecutive_requests_share_nothing_but_their_format() throws Exception {
        List<String> ids = ids("http-api.yaml", "/echo/1", "apigw-requestid");

        assertThat(ids).allMatch(id -> id.matches("[A-Za-z0-9_-]{15}="));
        assertUnrelated(ids);
    }

    private List<String> ids(String spec, String path, String header) throws Exception {
        GatewayConfig.Builder config = GatewayConfig.builder().spec(TestSpecs.spec(spec)).port(0);
        for (String function : new String[] {"Echo", "Result", "Slow"}) {
            config.function(function, new FunctionDefinition.Instance(new EchoHandler(), null));
        }
        try (GatewayServer server = GatewayServer.start(config.build())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                ids.add(response.headers().firstValue(header).orElseThrow());
            }
            return ids;
        }
    }

    /**
     * Distinct, and consecutive ids share no prefix or suffix beyond what chance gives: 4 characters of a random
     * id match with a probability below 1 in 65,000, so over 199 pairs a counter or a timestamp would show and
     * random ids would not.
     */
    private static void assertUnrelated(List<String> ids) {
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        int sharedPrefixes = 0;
        int sharedSuffixes = 0;
        for (int i = 1; i < ids.size(); i++) {
            String previous = ids.get(i - 1);
            String current = ids.get(i);
            sharedPrefixes += previous.regionMatches(0, current, 0, 4) ? 1 : 0;
            String previousTail = previous.substring(previous.length() - 5, previous.length() - 1);
            String currentTail = current.substring(current.length() - 5, current.length() - 1);
            sharedSuffixes += previousTail.equals(currentTail) ? 1 : 0;
        }
        assertThat(sharedPrefixes).as("consecutive ids sharing their first 4 characters").isLessThanOrEqualTo(1);
        assertThat(sharedSuffixes).as("consecutive ids sharing 4 characters at their end").isLessThanOrEqualTo(1);
    }
}
