package dev.apigw.emulator;

/**
 * API Gateway's and Lambda's size limits on a request (AWS-REFERENCE 12). Smaller values make tests of these cases
 * fast; every check of them reads them from here.
 *
 * @param payloadBytes the largest request body API Gateway accepts: 10 MB on REST and HTTP APIs
 * @param lambdaPayloadBytes the largest synchronous Lambda invocation payload, request and response: 6 MB
 * @param headerBytes the most header bytes a request may carry: 10,240
 * @param urlChars the longest request URL (path and query string): 10,240 characters on a Regional endpoint
 */
public record RequestLimits(int payloadBytes, int lambdaPayloadBytes, int headerBytes, int urlChars) {
    public static final int AWS_PAYLOAD_BYTES = 10 * 1024 * 1024;
    public static final int AWS_LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;
    public static final int AWS_HEADER_BYTES = 10_240;
    public static final int AWS_URL_CHARS = 10_240;

    public RequestLimits {
        if (payloadBytes <= 0 || lambdaPayloadBytes <= 0 || headerBytes <= 0 || urlChars <= 0) {
            throw new IllegalArgumentException("request limits must be positive, were payload " + payloadBytes
                    + ", Lambda payload " + lambdaPayloadBytes + ", headers " + headerBytes + ", URL " + urlChars);
        }
    }

    /** AWS's values. */
    public static RequestLimits aws() {
        return new RequestLimits(AWS_PAYLOAD_BYTES, AWS_LAMBDA_PAYLOAD_BYTES, AWS_HEADER_BYTES, AWS_URL_CHARS);
    }
}
