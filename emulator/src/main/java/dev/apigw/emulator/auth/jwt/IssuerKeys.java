package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The keys that verify one issuer's tokens, and where they come from (for logs and error messages).
 *
 * @param source nimbus's key lookup: local, a file read at startup, or fetched over HTTP
 * @param origin {@code local issuer}, the file path, or the JWKS / discovery URL
 */
record IssuerKeys(JWKSource<SecurityContext> source, String origin) {

    /** Keys that never change (a JWKS file). */
    static IssuerKeys fixed(JWKSet keys, String origin) {
        return new IssuerKeys((selector, context) -> selector.select(keys), origin);
    }
}
