package dev.apigw.samples.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Who is in the room, by connection id: what a DynamoDB table would hold in the deployed sample. Each function runs
 * in an environment of its own (on AWS, and in apigw, which loads each function's classes separately), so the room
 * cannot be a static field: it is a directory with a file per connection, one room per API endpoint and stage.
 */
final class ChatRoom {
    private final Path directory;

    private ChatRoom(Path directory) {
        this.directory = directory;
    }

    /** The room of the API and stage that called the handler. */
    static ChatRoom of(Map<String, Object> requestContext) {
        String endpoint = requestContext.get("domainName") + "-" + requestContext.get("stage");
        return new ChatRoom(Path.of(System.getProperty("java.io.tmpdir"),
                "apigw-chat-" + endpoint.replaceAll("[^A-Za-z0-9.-]", "_")));
    }

    void join(String connectionId, String name) {
        try {
            Files.createDirectories(directory);
            // Written aside and moved in, so that a broadcast never reads half a name.
            Path written = Files.writeString(directory.resolve(connectionId + ".tmp"), name, StandardCharsets.UTF_8);
            Files.move(written, directory.resolve(connectionId), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot join the chat room " + directory, e);
        }
    }

    void leave(String connectionId) {
        try {
            Files.deleteIfExists(directory.resolve(connectionId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot leave the chat room " + directory, e);
        }
    }

    Optional<String> nameOf(String connectionId) {
        try {
            return Optional.of(Files.readString(directory.resolve(connectionId), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat room " + directory, e);
        }
    }

    /** The connection ids of everyone in the room. */
    List<String> connectionIds() {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                file -> !file.toString().endsWith(".tmp"))) {
            files.forEach(file -> ids.add(file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat room " + directory, e);
        }
        return ids;
    }

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
