package dev.apigw.samples.chat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** Who is in the room, by connection id: what a DynamoDB table would hold in the deployed sample. */
final class ChatRoom {
    static final Map<String, String> MEMBERS = new ConcurrentHashMap<>();

    private ChatRoom() {}

    /**
     * The @connections client for the API that called the handler: its endpoint comes from the event's
     * {@code requestContext.domainName} and {@code stage}, as in AWS's own chat sample.
     */
    static ApiGatewayManagementApiClient connections(Map<String, Object> requestContext) {
        String domain = String.valueOf(requestContext.get("domainName"));
        String scheme = domain.contains("amazonaws.com") ? "https" : "http";
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create(scheme + "://" + domain + "/" + requestContext.get("stage")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
