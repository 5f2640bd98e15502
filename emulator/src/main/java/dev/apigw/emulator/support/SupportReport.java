package dev.apigw.emulator.support;

import static java.util.Objects.requireNonNull;

import dev.apigw.importer.ImportResult;
import dev.apigw.importer.WrittenDocument;
import dev.apigw.model.Api;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a document asks of API Gateway that apigw does not enforce, each with where it is written and what apigw does
 * instead. apigw promises that access control and traffic settings work as on AWS or are named here, never silently
 * ignored: the gateway logs the report once at startup, {@code --strict} refuses to start while it is not empty,
 * and {@code apigw validate} prints it.
 *
 * <p>What is reported: a setting that changes what a client observes on AWS (responses, security, limits, and
 * performance-visible features) and that apigw does not implement. Today that is the endpoint's access settings
 * ({@code x-amazon-apigateway-endpoint-configuration} {@code disableExecuteApiEndpoint} and {@code vpcEndpointIds},
 * {@code x-amazon-apigateway-security-policy}, {@code x-amazon-apigateway-endpoint-access-mode: STRICT}), VPC links
 * and the TLS settings of the backend call ({@code tlsConfig}), and a WebSocket API's API keys.
 *
 * <p>What is not: settings without a client-visible effect locally (documentation, tags, the import/export version,
 * integration and authorizer credentials roles, {@code cacheNamespace}), settings AWS itself ignores for the kind of
 * API (the importer warns about those), and settings that cannot be written in the document at all (stage caching,
 * which apigw serves with the document's {@code cacheKeyParameters}, and throttling, usage plans, mutual TLS, which belongs to custom domain names).
 */
public final class SupportReport {

    private static final SupportReport EMPTY = new SupportReport("", List.of());

    private final String source;
    private final List<Unenforced> unenforced;

    private SupportReport(String source, List<Unenforced> unenforced) {
        this.source = source;
        this.unenforced = List.copyOf(unenforced);
    }

    /** The report of an import; empty when the import has no API (its problems say why). */
    public static SupportReport of(ImportResult imported) {
        requireNonNull(imported, "imported");
        Api api = imported.api();
        WrittenDocument document = imported.document();
        if (api == null || document == null) {
            return EMPTY;
        }
        WrittenNode root = WrittenNode.root(document);
        List<Unenforced> found = new ArrayList<>();
        switch (api.type()) {
            case REST, HTTP -> EndpointSettings.collect(root, api.type(), found);
            case WEBSOCKET -> WebSocketSettings.collect(root, found);
        }
        IntegrationSettings.collect(root, api.type(), found);
        found.sort(Comparator.comparing(Unenforced::line, Comparator.nullsLast(Comparator.naturalOrder())));
        return new SupportReport(imported.source(), found);
    }

    /** One line per unenforced extension or setting, with its location; empty when everything is enforced. */
    public List<String> unenforced() {
        return unenforced.stream().map(item -> item.describe(source)).toList();
    }

    /** The same as {@link #unenforced()}, as data. */
    public List<Unenforced> items() {
        return unenforced;
    }

    public boolean isEmpty() {
        return unenforced.isEmpty();
    }

    /** The one startup warning that lists everything, or nothing when the report is empty. */
    public Optional<String> warning() {
        if (unenforced.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("apigw does not enforce " + unenforced.size() + " setting(s) of " + source
                + " (start with --strict to refuse them):\n  " + String.join("\n  ", unenforced()));
    }

    /** The lines {@code --strict} refuses to start with, each saying how to go on. */
    public List<String> strictRefusal() {
        return unenforced().stream()
                .map(line -> "--strict: " + line + ". Remove the setting, or start without --strict.")
                .toList();
    }
}
