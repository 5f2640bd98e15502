package dev.apigw.emulator.exchange;

import dev.apigw.lambda.LocalAccount;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import dev.apigw.emulator.GatewayRequest;

/**
 * Makes the {@link RequestContext} of each request for one API and stage. Ids look like AWS's: a UUID request
 * id, a short base64 extended request id, and a stable 10-character API id derived from the API's title.
 */
public final class RequestContexts {
    /** The account id LocalStack and SAM use for local resources. */
    public static final String ACCOUNT_ID = LocalAccount.ID;

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String apiId;
    private final String deploymentId;
    private final Map<String, String> stageVariables;
    private final boolean httpApi;
    private final boolean canary;

    public RequestContexts(String apiTitle, String stage, Map<String, String> stageVariables, boolean httpApi) {
        this(apiTitle, stage, stageVariables, httpApi, false);
    }

    /** @param canary whether these are the contexts of a stage's canary variant */
    public RequestContexts(String apiTitle, String stage, Map<String, String> stageVariables, boolean httpApi,
            boolean canary) {
        this.httpApi = httpApi;
        this.canary = canary;
        this.apiId = stableId(apiTitle, 10);
        // A canary serves the newer deployment on AWS, so its requests carry another deployment id.
        this.deploymentId = stableId(apiTitle + "/" + stage + (canary ? "/canary" : ""), 6);
        this.stageVariables = Map.copyOf(stageVariables);
    }

    public String apiId() {
        return apiId;
    }

    /**
     * The context of a new request. REST APIs identify a request by a UUID plus a short extended id; HTTP APIs
     * use one short id for both (and for {@code apigw-requestid}), as recorded captures show.
     */
    public RequestContext create(GatewayRequest request) {
        String extendedRequestId = extendedRequestId();
        String requestId = httpApi ? extendedRequestId : newRequestId();
        String host = request.headers().first("Host").orElse("localhost");
        int dot = host.indexOf('.');
        int colon = host.indexOf(':');
        int prefixEnd = dot >= 0 ? dot : colon >= 0 ? colon : host.length();
        return new RequestContext(requestId, extendedRequestId, request.time(), ACCOUNT_ID, apiId, deploymentId,
                host, host.substring(0, prefixEnd), "HTTP/1.1", request.sourceIp(),
                request.headers().first("User-Agent").orElse(null), stageVariables, canary);
    }

    /** A random version-4 UUID, as {@link UUID#randomUUID()} makes it, from {@link RequestIdRandom}. */
    static String newRequestId() {
        ByteBuffer buffer = ByteBuffer.wrap(RequestIdRandom.bytes(16));
        long most = (buffer.getLong() & ~0xF000L) | 0x4000L;
        long least = (buffer.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static String extendedRequestId() {
        return Base64.getUrlEncoder().encodeToString(RequestIdRandom.bytes(11));
    }

    /** Deterministic, so a restarted gateway keeps its ids (tests and logs stay comparable). */
    static String stableId(String seed, int length) {
        UUID hash = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        long bits = hash.getMostSignificantBits() ^ hash.getLeastSignificantBits();
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt((int) Math.floorMod(bits, ID_ALPHABET.length())));
            bits = Long.rotateRight(bits, 5) * 31 + i;
        }
        return id.toString();
    }
}
