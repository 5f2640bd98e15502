package dev.apigw.emulator.websocket;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids shaped like API Gateway's WebSocket ids: connection ids, message ids and request ids are all 16 characters,
 * the Base64 of 11 bytes ending in {@code =} ({@code R1kmxc2VNjMCFIA=}) [E aws-lambda-go websocket captures]. Real
 * ids seen so far use letters and digits only, so ids with {@code +/-_} are drawn again; they stay safe in paths and
 * in any id pattern a test may check. {@link ThreadLocalRandom}: SecureRandom would serialise concurrent requests.
 */
public final class ConnectionIds {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private ConnectionIds() {}

    /** A new connection id, e.g. {@code R1kmxc2VNjMCFIA=}. */
    public static String connectionId() {
        return next();
    }

    /** A new message id ({@code requestContext.messageId} of MESSAGE events), e.g. {@code R1knPc2ntjMCFIA=}. */
    public static String messageId() {
        return next();
    }

    /** A new request id; WebSocket events carry it as both {@code requestId} and {@code extendedRequestId}. */
    public static String requestId() {
        return next();
    }

    private static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[11];
        while (true) {
            random.nextBytes(bytes);
            String id = BASE64.encodeToString(bytes);
            if (isAlphanumeric(id)) {
                return id;
            }
        }
    }

    private static boolean isAlphanumeric(String id) {
        for (int i = 0; i < id.length() - 1; i++) {
            char c = id.charAt(i);
            if (c == '+' || c == '/') {
                return false;
            }
        }
        return true;
    }
}
