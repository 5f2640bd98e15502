package dev.apigw.emulator.auth.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.MutableClock;
import dev.apigw.emulator.auth.IamCredential;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The verifier on requests signed by the AWS SDK, with the gateway's clock standing still. */
class SignatureVerifierTest {
    static final IamCredential ALICE = new IamCredential("AKIDALICE", "alice-secret", "alice");
    static final IamCredential BOB = new IamCredential("AKIDBOB", "bob-secret", "bob");

    final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    final SignatureVerifier verifier = new SignatureVerifier(List.of(ALICE, BOB), clock);

    SdkHttpRequest signed(IamCredential credential, String method, String url, String body,
            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(url)).build();
        return AwsV4HttpSigner.create().sign((SignRequest.Builder<AwsCredentialsIdentity> signing) -> {
            signing.identity(AwsCredentialsIdentity.create(credential.accessKeyId(), credential.secretAccessKey()))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock);
            if (body != null) {
                signing.payload(ContentStreamProvider.fromUtf8String(body));
            }
            options.accept(signing);
        }).request();
    }

    SdkHttpRequest signed(IamCredential credential, String method, String url, String body) {
        return signed(credential, method, url, body, signing -> {});
    }

    /** The request as the gateway receives it: raw path and query as sent, every header including Host. */
    static GatewayRequest received(SdkHttpRequest signed, String body) {
        List<Header> headers = new ArrayList<>();
        signed.forEachHeader((name, values) -> values.forEach(value -> headers.add(new Header(name, value))));
        String query = signed.getUri().getRawQuery();
        return new GatewayRequest(signed.method().name(), signed.encodedPath(), query == null ? "" : query,
                new Headers(headers), body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", Instant.now());
    }

    @Test
    void a_header_signature_verifies_and_names_the_signer() {
        SdkHttpRequest request = signed(BOB, "GET", "https://api.example.com/prod/pets?limit=2", null);

        SignatureVerifier.Verdict verdict = verifier.verify(received(request, null));

        assertThat(verdict.refusal()).isNull();
        assertThat(verdict.signer()).isEqualTo(BOB);
    }

    @Test
    void a_presigned_url_verifies() {
        SdkHttpRequest request = signed(ALICE, "GET", "https://api.example.com/prod/pets", null, signing -> signing
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING));

        assertThat(verifier.verify(received(request, null)).signer()).isEqualTo(ALICE);
    }

    @Test
    void a_signature_by_another_users_secret_does_not_verify() {
        SdkHttpRequest request = signed(new IamCredential(BOB.accessKeyId(), ALICE.secretAccessKey()), "GET",
                "https://api.example.com/prod/pets", null);

        IamRefusal refusal = verifier.verify(received(request, null)).refusal();

        assertThat(refusal.kind()).isEqualTo(IamRefusal.Kind.INVALID_SIGNATURE);
        assertThat(refusal.message()).contains("\n\nThe Canonical String for this request should have been\n'GET\n"
                + "/prod/pets\n\nhost:api.example.com\n");
    }

    @Test
    void a_changed_query_a_changed_header_or_a_changed_body_do_not_verify() {
        SdkHttpRequest request = signed(ALICE, "PUT", "https://api.example.com/prod/pets?id=1", "{\"n\":1}");
        GatewayRequest original = received(request, "{\"n\":1}");

        assertThat(verifier.verify(original).signer()).isEqualTo(ALICE);
        assertThat(verifier.verify(new GatewayRequest(original.method(), original.rawPath(), "id=2",
                original.headers(), original.body(), original.sourceIp(), original.time())).refusal()).isNotNull();
        assertThat(verifier.verify(received(request.toBuilder().putHeader("Host", "other.example.com").build(),
                "{\"n\":1}")).refusal()).isNotNull();
        assertThat(verifier.verify(received(request, "{\"n\":2}")).refusal().kind())
                .isEqualTo(IamRefusal.Kind.INVALID_SIGNATURE);
    }

    @Test
    void an_unsigned_header_may_change_freely() {
        SdkHttpRequest request = signed(ALICE, "GET", "https://api.example.com/prod/pets", null);

        GatewayRequest withExtra = received(request.toBuilder().putHeader("X-Trace", "anything").build(), null);

        assertThat(verifier.verify(withExtra).signer()).isEqualTo(ALICE);
    }

    @Test
    void a_declared_unsigned_payload_is_taken_when_it_is_signed() {
        SdkHttpRequest request = signed(ALICE, "POST", "https://api.example.com/prod/upload", "data", signing -> signing
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        assertThat(request.firstMatchingHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");

        assertThat(verifier.verify(received(request, "other data")).signer()).isEqualTo(ALICE);
    }

    @Test
    void an_unknown_key_is_refused_before_its_signature_is_looked_at() {
        IamCredential stranger = new IamCredential("AKIDSTRANGER", "secret");
        SdkHttpRequest request = signed(stranger, "GET", "https://api.example.com/prod/pets", null);

        assertThat(verifier.verify(received(request, null)).refusal())
                .isEqualTo(new IamRefusal(IamRefusal.Kind.UNKNOWN_ACCESS_KEY,
                        "The security token included in the request is invalid."));
    }

    @Test
    void the_clock_skew_is_five_minutes_either_way() {
        GatewayRequest request = received(signed(ALICE, "GET", "https://api.example.com/prod/pets", null), null);

        clock.advance(Duration.ofMinutes(5));
        assertThat(verifier.verify(request).signer()).isEqualTo(ALICE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(request).refusal()).isEqualTo(IamRefusal.expired("Signature expired:"
                + " 20260301T120000Z is now earlier than 20260301T120001Z (20260301T120501Z - 5 min.)"));

        clock.set(Instant.parse("2026-03-01T11:55:00Z"));
        assertThat(verifier.verify(request).signer()).isEqualTo(ALICE);
        clock.advance(Duration.ofSeconds(-1));
        assertThat(verifier.verify(request).refusal()).isEqualTo(IamRefusal.expired("Signature not yet current:"
                + " 20260301T120000Z is still later than 20260301T115959Z (20260301T115459Z + 5 min.)"));
    }

    @Test
    void a_presigned_url_lives_as_long_as_it_says() {
        GatewayRequest request = received(signed(ALICE, "GET", "https://api.example.com/prod/pets", null,
                signing -> signing
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofHours(1))), null);

        clock.advance(Duration.ofHours(1));
        assertThat(verifier.verify(request).signer()).isEqualTo(ALICE);
        clock.advance(Duration.ofSeconds(1));
        IamRefusal refusal = verifier.verify(request).refusal();
        assertThat(refusal.kind()).isEqualTo(IamRefusal.Kind.EXPIRED);
        assertThat(refusal.message()).isEqualTo("Signature expired: 20260301T120000Z is now earlier than"
                + " 20260301T120001Z (20260301T130001Z - 3600 sec.)");
    }

    @Test
    void requests_the_sdk_cannot_canonicalise_are_refused_not_thrown() {
        SdkHttpRequest request = signed(ALICE, "GET", "https://api.example.com/prod/pets", null);
        GatewayRequest received = received(request, null);

        for (GatewayRequest odd : List.of(
                new GatewayRequest("BREW", received.rawPath(), "", received.headers(), new byte[0], "1.2.3.4",
                        Instant.now()),
                new GatewayRequest("GET", "/prod/a b|{c}", "q=%zz&&=&x", received.headers(), new byte[0], "1.2.3.4",
                        Instant.now()))) {
            assertThat(verifier.verify(odd).refusal().kind()).isEqualTo(IamRefusal.Kind.INVALID_SIGNATURE);
        }
    }
}
