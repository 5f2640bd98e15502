package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.exchange.RequestContexts;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * {@code AWS_IAM} routes over HTTP, called the way real clients call them: requests signed by the AWS SDK v2's
 * SigV4 signers, in the header and the presigned-URL forms, and AWS's exact refusals when something is off.
 */
class IamAuthorizationAcceptanceTest {
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String USER_ARN = "arn:aws:iam::" + RequestContexts.ACCOUNT_ID + ":user/apigw-local";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static ApiGatewayExtension rest = ApiGatewayExtension.fromSpec("specs/rest-iam.yaml")
            .withFunction("Echo", new EchoHandler())
            .withIamCredentials(ACCESS_KEY, SECRET);

    @RegisterExtension
    static ApiGatewayExtension http = ApiGatewayExtension.fromSpec("specs/http-iam.yaml")
            .withFunction("Echo", new EchoHandler())
            .withIamCredentials(ACCESS_KEY, SECRET);

    @RegisterExtension
    static ApiGatewayExtension customised = ApiGatewayExtension.fromSpec("specs/rest-iam-responses.yaml")
            .withFunction("Echo", new EchoHandler())
            .withIamCredentials(ACCESS_KEY, SECRET);

    /** A request as the client builds it before signing: {@code path} after the stage, raw query included. */
    static SdkHttpFullRequest request(ApiGatewayExtension gateway, String method, String pathAndQuery,
            String body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(gateway.baseUri() + pathAndQuery));
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
        }
        return request.build();
    }

    /** Signed as an SDK client signs: {@code AwsV4HttpSigner}, at the gateway clock's time. */
    static SdkHttpRequest sign(ApiGatewayExtension gateway, SdkHttpRequest request, String body, String secret,
            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        return AwsV4HttpSigner.create().sign((SignRequest.Builder<AwsCredentialsIdentity> signing) -> {
            signing.identity(AwsCredentialsIdentity.create(ACCESS_KEY, secret))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, gateway.clock());
            if (body != null) {
                signing.payload(ContentStreamProvider.fromUtf8String(body));
            }
            options.accept(signing);
        }).request();
    }

    static SdkHttpRequest sign(ApiGatewayExtension gateway, SdkHttpRequest request, String body) {
        return sign(gateway, request, body, SECRET, signing -> {});
    }

    /** Sends {@code signed}'s headers (but Host, which the HTTP client sets to the same value) to {@code uri}. */
    static HttpResponse<String> send(ApiGatewayExtension gateway, URI uri, SdkHttpRequest signed, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(signed.method().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in the header form and sends the request as built, query string as the client wrote it. */
    static HttpResponse<String> signedCall(ApiGatewayExtension gateway, String method, String pathAndQuery,
            String body) throws Exception {
        SdkHttpFullRequest request = request(gateway, method, pathAndQuery, body);
        return send(gateway, request.getUri(), sign(gateway, request, body), body);
    }

    static HttpResponse<String> call(ApiGatewayExtension gateway, String pathAndQuery, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUri() + pathAndQuery));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String message(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("message").asText();
    }

    static void assertRefused(HttpResponse<String> response, String errorType, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(message(response)).isEqualTo(message);
    }

    @Nested
    class RestApi {

        @Test
        void a_request_signed_in_the_header_reaches_the_function_with_the_iam_caller() throws Exception {
            HttpResponse<String> response = signedCall(rest, "GET", "/secret", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.identity").isEqualTo("""
                    {"cognitoIdentityPoolId": null, "accountId": "000000000000", "cognitoIdentityId": null,
                     "caller": "${json-unit.regex}AIDA[A-Z2-7]{17}", "sourceIp": "${json-unit.any-string}",
                     "principalOrgId": null, "accessKey": "AKIDEXAMPLE", "cognitoAuthenticationType": null,
                     "cognitoAuthenticationProvider": null, "userArn": "%s",
                     "userAgent": "${json-unit.any-string}", "user": "${json-unit.regex}AIDA[A-Z2-7]{17}"}
                    """.formatted(USER_ARN));
            assertThatJson(response.body()).node("requestContext.authorizer").isAbsent();
        }

        @Test
        void the_caller_and_user_ids_are_one_stable_id_for_the_key() throws Exception {
            var first = JSON.readTree(signedCall(rest, "GET", "/secret", null).body()).at("/requestContext/identity");
            var again = JSON.readTree(signedCall(rest, "GET", "/secret", null).body()).at("/requestContext/identity");

            assertThat(first.path("caller").asText()).matches("AIDA[A-Z2-7]{17}")
                    .isEqualTo(first.path("user").asText())
                    .isEqualTo(again.path("caller").asText());
        }

        @Test
        void a_signed_body_reaches_the_function() throws Exception {
            HttpResponse<String> response = signedCall(rest, "POST", "/secret", "{\"pet\":\"cat\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("body").isString().isEqualTo("{\"pet\":\"cat\"}");
        }

        @Test
        void a_request_signed_without_a_content_hash_header_is_accepted_too() throws Exception {
            // The SDK's classic Aws4Signer signs like botocore, Postman and aws4: no x-amz-content-sha256 header.
            SdkHttpFullRequest request = request(rest, "POST", "/secret", "{\"pet\":\"dog\"}").toBuilder()
                    .contentStreamProvider(ContentStreamProvider.fromUtf8String("{\"pet\":\"dog\"}")).build();
            @SuppressWarnings("deprecation")
            SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                    .awsCredentials(AwsBasicCredentials.create(ACCESS_KEY, SECRET))
                    .signingName("execute-api")
                    .signingRegion(Region.US_EAST_1)
                    .signingClockOverride(rest.clock())
                    .build());
            assertThat(signed.firstMatchingHeader("x-amz-content-sha256")).isEmpty();

            HttpResponse<String> response = send(rest, request.getUri(), signed, "{\"pet\":\"dog\"}");

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void a_presigned_url_reaches_the_function() throws Exception {
            SdkHttpFullRequest request = request(rest, "GET", "/secret?color=red", null);
            SdkHttpRequest presigned = sign(rest, request, null, SECRET, signing -> signing
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(10)));

            HttpResponse<String> response = send(rest, presigned.getUri(), presigned, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.identity.userArn").isEqualTo(USER_ARN);
        }

        @Test
        void a_presigned_url_is_refused_once_it_has_expired() throws Exception {
            SdkHttpFullRequest request = request(rest, "GET", "/secret", null);
            SdkHttpRequest presigned = sign(rest, request, null, SECRET, signing -> signing
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60)));
            assertThat(send(rest, presigned.getUri(), presigned, null).statusCode()).isEqualTo(200);

            rest.clock().advance(Duration.ofSeconds(61));
            HttpResponse<String> response = send(rest, presigned.getUri(), presigned, null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
            assertThat(message(response)).startsWith("Signature expired: ");
            assertThat(rest.invocations("Echo")).hasSize(1);
        }

        @Test
        void a_signature_older_than_five_minutes_has_expired() throws Exception {
            // X-Amz-Date has whole seconds: start on one, so that exactly 5 minutes later is still in time.
            rest.clock().set(rest.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            SdkHttpFullRequest request = request(rest, "GET", "/secret", null);
            SdkHttpRequest signed = sign(rest, request, null);
            String signedAt = signed.firstMatchingHeader("X-Amz-Date").orElseThrow();

            rest.clock().advance(Duration.ofMinutes(5));
            assertThat(send(rest, request.getUri(), signed, null).statusCode()).isEqualTo(200);

            rest.clock().advance(Duration.ofSeconds(1));
            HttpResponse<String> response = send(rest, request.getUri(), signed, null);

            String now = amzDate(rest.clock().instant());
            String limit = amzDate(rest.clock().instant().minus(Duration.ofMinutes(5)));
            assertRefused(response, "InvalidSignatureException",
                    "Signature expired: " + signedAt + " is now earlier than " + limit + " (" + now + " - 5 min.)");
        }

        @Test
        void a_signature_from_more_than_five_minutes_ahead_is_not_yet_current() throws Exception {
            SdkHttpFullRequest request = request(rest, "GET", "/secret", null);
            SdkHttpRequest signed = sign(rest, request, null);
            rest.clock().advance(Duration.ofMinutes(-6));

            HttpResponse<String> response = send(rest, request.getUri(), signed, null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(message(response)).startsWith("Signature not yet current: ").endsWith(" + 5 min.)");
        }

        @Test
        void an_unsigned_request_is_missing_the_authentication_token() throws Exception {
            HttpResponse<String> response = call(rest, "/secret");

            assertRefused(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
            assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(rest.invocations("Echo")).isEmpty();
        }

        @Test
        void a_wrong_secret_is_answered_with_the_canonical_request_aws_expected() throws Exception {
            SdkHttpFullRequest request = request(rest, "GET", "/secret?b=2&a=1", null);
            SdkHttpRequest signed = sign(rest, request, null, "not-the-secret", signing -> {});

            HttpResponse<String> response = send(rest, request.getUri(), signed, null);

            String date = signed.firstMatchingHeader("X-Amz-Date").orElseThrow();
            String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            String canonical = "GET\n" + rest.baseUri().getRawPath() + "/secret\na=1&b=2\n"
                    + "host:127.0.0.1:" + rest.port() + "\nx-amz-content-sha256:" + emptyHash + "\nx-amz-date:" + date
                    + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + emptyHash;
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
            assertThat(message(response)).startsWith(MISMATCH + "\n\nThe Canonical String for this request should"
                    + " have been\n'" + canonical + "'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n"
                    + date + "\n" + date.substring(0, 8) + "/eu-west-1/execute-api/aws4_request\n").endsWith("'\n");
            assertThat(rest.invocations("Echo")).isEmpty();
        }

        @Test
        void an_unknown_access_key_has_an_invalid_security_token() throws Exception {
            SdkHttpFullRequest request = request(rest, "GET", "/secret", null);
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(
                    (SignRequest.Builder<AwsCredentialsIdentity> signing) -> signing
                            .identity(AwsCredentialsIdentity.create("AKIAUNKNOWN", SECRET))
                            .request(request)
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                            .putProperty(HttpSigner.SIGNING_CLOCK, rest.clock())).request();

            HttpResponse<String> response = send(rest, request.getUri(), signed, null);

            assertRefused(response, "AccessDeniedException", "The security token included in the request is invalid.");
            assertThat(response.body())
                    .isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
        }

        @Test
        void a_bearer_token_is_not_a_sigv4_authorization_header() throws Exception {
            HttpResponse<String> response = call(rest, "/secret", "Authorization", "Bearer abc.def.ghi");

            assertRefused(response, "IncompleteSignatureException", "'abc.def.ghi' not a valid key=value pair"
                    + " (missing equal-sign) in Authorization header: 'Bearer abc.def.ghi'.");
        }

        @Test
        void a_sigv4_header_without_its_parts_lists_what_is_missing() throws Exception {
            HttpResponse<String> response = call(rest, "/secret",
                    "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/aws4_request");

            assertRefused(response, "IncompleteSignatureException", "Authorization header requires 'Signature'"
                    + " parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header"
                    + " requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256"
                    + " Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/aws4_request");
        }

        @Test
        void a_signature_for_another_service_is_refused() throws Exception {
            SdkHttpFullRequest request = request(rest, "GET", "/secret", null);
            SdkHttpRequest signed = sign(rest, request, null, SECRET,
                    signing -> signing.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda"));

            HttpResponse<String> response = send(rest, request.getUri(), signed, null);

            assertRefused(response, "InvalidSignatureException",
                    "Credential should be scoped to correct service: 'execute-api'. ");
        }

        @Test
        void a_body_other_than_the_one_signed_fails_the_signature() throws Exception {
            SdkHttpFullRequest request = request(rest, "POST", "/secret", "{\"amount\":1}");
            SdkHttpRequest signed = sign(rest, request, "{\"amount\":1}");

            HttpResponse<String> response = send(rest, request.getUri(), signed, "{\"amount\":1000}");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(message(response)).startsWith(MISMATCH);
            assertThat(rest.invocations("Echo")).isEmpty();
        }

        @Test
        void a_percent_encoded_path_is_signed_as_aws_canonicalises_it() throws Exception {
            HttpResponse<String> response = signedCall(rest, "GET", "/files/caf%C3%A9%20menu@home", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("resource").isEqualTo("/files/{name}");
        }

        @Test
        void repeated_and_unsorted_query_parameters_are_signed_in_canonical_order() throws Exception {
            HttpResponse<String> response = signedCall(rest, "GET", "/secret?z=last&a=2&a=1&empty=&m=with%20space",
                    null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("multiValueQueryStringParameters.a").isEqualTo("[\"2\",\"1\"]");
            assertThatJson(response.body()).node("queryStringParameters.m").isEqualTo("with space");
        }

        @Test
        void a_route_secured_by_an_aws_sigv4_security_scheme_requires_a_signature() throws Exception {
            assertThat(call(rest, "/sigv4").statusCode()).isEqualTo(403);
            assertThat(signedCall(rest, "GET", "/sigv4", null).statusCode()).isEqualTo(200);
        }

        @Test
        void a_route_without_iam_takes_unsigned_requests() throws Exception {
            HttpResponse<String> response = call(rest, "/open");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.identity.userArn").isNull();
        }
    }

    @Nested
    class CustomisedGatewayResponses {

        @Test
        void an_expired_signature_takes_the_expired_token_response() throws Exception {
            SdkHttpFullRequest request = request(customised, "GET", "/secret", null);
            SdkHttpRequest signed = sign(customised, request, null);
            customised.clock().advance(Duration.ofMinutes(6));

            HttpResponse<String> response = send(customised, request.getUri(), signed, null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
            assertThat(JSON.readTree(response.body()).get("expired").asText()).startsWith("Signature expired: ");
        }

        @Test
        void other_refusals_take_default_4xx_with_their_own_message() throws Exception {
            HttpResponse<String> unsigned = call(customised, "/secret");
            HttpResponse<String> wrongKind = call(customised, "/secret", "Authorization", "Bearer abc");

            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.body()).isEqualTo("{\"refused\": \"Missing Authentication Token\"}");
            assertThat(unsigned.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(wrongKind.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
            assertThat(JSON.readTree(wrongKind.body()).get("refused").asText()).startsWith("'abc' not a valid");
        }
    }

    @Nested
    class HttpApi {

        @Test
        void payload_2_0_carries_the_caller_in_the_iam_authorizer_block() throws Exception {
            HttpResponse<String> response = signedCall(http, "GET", "/secret", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.authorizer.iam").isEqualTo("""
                    {"accessKey": "AKIDEXAMPLE", "accountId": "000000000000",
                     "callerId": "${json-unit.regex}AIDA[A-Z2-7]{17}", "cognitoIdentity": null,
                     "principalOrgId": null, "userArn": "%s", "userId": "${json-unit.regex}AIDA[A-Z2-7]{17}"}
                    """.formatted(USER_ARN));
        }

        @Test
        void payload_1_0_carries_the_caller_in_the_identity_block() throws Exception {
            HttpResponse<String> response = signedCall(http, "GET", "/v1", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.identity.accessKey").isEqualTo(ACCESS_KEY);
            assertThatJson(response.body()).node("requestContext.identity.userArn").isEqualTo(USER_ARN);
        }

        @Test
        void a_presigned_url_reaches_the_function() throws Exception {
            SdkHttpFullRequest request = request(http, "GET", "/secret", null);
            SdkHttpRequest presigned = sign(http, request, null, SECRET, signing -> signing
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING));

            assertThat(send(http, presigned.getUri(), presigned, null).statusCode()).isEqualTo(200);
        }

        @Test
        void every_refusal_is_a_plain_forbidden() throws Exception {
            SdkHttpFullRequest request = request(http, "GET", "/secret", null);
            SdkHttpRequest wrongSecret = sign(http, request, null, "not-the-secret", signing -> {});

            for (HttpResponse<String> response : new HttpResponse[] {call(http, "/secret"),
                    send(http, request.getUri(), wrongSecret, null),
                    call(http, "/secret", "Authorization", "Bearer abc")}) {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
            }
            assertThat(http.invocations("Echo")).isEmpty();
        }
    }

    static String amzDate(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }
}
