package dev.apigw.emulator.auth.iam;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.auth.AuthorizationResult;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.auth.RouteAuthorizer;
import dev.apigw.emulator.auth.RouteSecurity;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code AWS_IAM} authorization (AWS-REFERENCE 8.7) for REST methods and HTTP API routes: the request must carry a
 * valid Signature Version 4 signature, in the {@code Authorization} header or a presigned URL's query string, made
 * with one of the gateway's access keys ({@code --iam-credentials}) for service {@code execute-api}, within 5 minutes
 * of the gateway's clock. The caller then reaches the integration as {@code requestContext.identity} (REST, payload
 * 1.0) or {@code requestContext.authorizer.iam} (payload 2.0).
 *
 * <p>Authentication only: every known key may invoke every IAM route, as if its user had
 * {@code execute-api:Invoke} on {@code *}. IAM policies are not evaluated; the resource policy still is.
 */
public final class IamAuthorization implements RouteAuthorizer {
    private final SignatureVerifier verifier;
    private final String accountId;

    private IamAuthorization(SignatureVerifier verifier, String accountId) {
        this.verifier = verifier;
        this.accountId = accountId;
    }

    /**
     * @param credentials the access keys accepted (the first of a duplicated key id wins)
     * @param accountId the account of the users, for {@code userArn} and {@code accountId}
     * @param clock the gateway's clock, against which signing times are checked
     */
    public static IamAuthorization of(List<IamCredential> credentials, String accountId, Clock clock) {
        return new IamAuthorization(new SignatureVerifier(credentials, clock), accountId);
    }

    @Override
    public @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace) {
        if (!RouteSecurity.of(route).iam()) {
            return null;
        }
        trace.authorizerTook("iam", null);
        SignatureVerifier.Verdict verdict = verifier.verify(request);
        IamCredential signer = verdict.signer();
        if (signer != null) {
            return new AuthorizationResult.Allowed(IamIdentity.of(signer, accountId), null);
        }
        IamRefusal refusal = verdict.refusal();
        return route.httpRoute() != null ? refusal.httpApiAnswer() : refusal.restAnswer();
    }

    /**
     * A REST request no route takes, carrying an {@code Authorization} header that does not read as SigV4 (a
     * {@code Bearer} token, say): AWS answers with the IncompleteSignatureException text rather than Missing
     * Authentication Token [K aws/chalice#828, HumanCellAtlas/data-store#328], a classic source of confusion that
     * local tests should show too.
     */
    public static Optional<AuthorizationResult.Denied> unroutedRestRefusal(GatewayRequest request) {
        if (request.headers().first("Authorization").filter(value -> !value.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        IamRefusal refusal = SignatureParser.parse(request).refusal();
        return refusal != null && refusal.kind() == IamRefusal.Kind.INCOMPLETE_SIGNATURE
                ? Optional.of(refusal.restAnswer()) : Optional.empty();
    }
}
