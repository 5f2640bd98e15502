package dev.apigw.emulator.auth.jwt;

import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;

/**
 * The {@code iss} an authorizer expects: a JWT authorizer's configured issuer; for a Cognito authorizer, its user
 * pool's issuer, from the pool ARN {@code arn:aws:cognito-idp:REGION:ACCOUNT:userpool/ID} →
 * {@code https://cognito-idp.REGION.amazonaws.com/ID} [D cognito "Verifying a JSON Web Token"].
 */
public final class IssuerUrls {
    private IssuerUrls() {}

    /**
     * The issuer of a JWT or Cognito authorizer (a Cognito authorizer's first user pool).
     *
     * @throws IllegalArgumentException for a Lambda authorizer, or a Cognito authorizer without a valid pool ARN
     */
    public static String of(Authorizer authorizer) {
        if (authorizer.type() == AuthorizerType.JWT && authorizer.jwtConfiguration() != null) {
            return authorizer.jwtConfiguration().issuer();
        }
        if (authorizer.type() != AuthorizerType.COGNITO_USER_POOLS || authorizer.providerArns().isEmpty()) {
            throw new IllegalArgumentException("authorizer " + authorizer.name() + " names no token issuer; only JWT"
                    + " authorizers (jwtConfiguration.issuer) and Cognito authorizers (providerARNs) do");
        }
        return ofUserPool(authorizer.providerArns().get(0), authorizer.name());
    }

    /**
     * @param authorizer the authorizer's name, for the error message
     * @throws IllegalArgumentException when the text is not a user pool ARN
     */
    public static String ofUserPool(String poolArn, String authorizer) {
        // One reading of pool ARNs: the Cognito authorizer's, so minted tokens carry the iss it expects.
        String issuer = CognitoAuthorizers.issuer(poolArn);
        if (issuer == null) {
            throw new IllegalArgumentException("providerARNs of Cognito authorizer " + authorizer + " has `" + poolArn
                    + "`, which is not a user pool ARN; expected arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID");
        }
        return issuer;
    }
}
