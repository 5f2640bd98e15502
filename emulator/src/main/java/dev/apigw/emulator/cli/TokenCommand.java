package dev.apigw.emulator.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import dev.apigw.emulator.auth.jwt.TokenBuilder;
import dev.apigw.model.Api;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code apigw token}: prints a token signed by the local issuer, on one line and nothing else, so a shell can use it:
 * {@code curl -H "Authorization: Bearer $(apigw token --sub alice --scope read)" ...}. With a spec (or apigw.yaml),
 * issuer and audience default to the API's JWT or Cognito authorizer, as {@link TokenBuilder} documents.
 */
@Command(name = "token", description = "Print a JWT signed by apigw's local issuer.", mixinStandardHelpOptions = true)
final class TokenCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--sub", paramLabel = "SUBJECT", description = "default " + TokenBuilder.DEFAULT_SUBJECT)
    @Nullable String subject;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "repeatable; the token's scope claim")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--aud", paramLabel = "AUDIENCE", description = "repeatable; default: the authorizer's first")
    List<String> audience = new ArrayList<>();

    @Option(names = "--client-id", paramLabel = "ID", description = "the client_id claim")
    @Nullable String clientId;

    @Option(names = "--expires-in", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "e.g. 30s, 15m, 1h, 2d; default 1h")
    @Nullable Duration expiresIn;

    @Option(names = "--issuer", paramLabel = "URL", description = "default: the authorizer's issuer, else the local"
            + " issuer's URL")
    @Nullable String issuer;

    @Option(names = "--claim", paramLabel = "NAME=VALUE", description = "repeatable; a string claim")
    Map<String, String> claims = new LinkedHashMap<>();

    @Option(names = "--token-use", paramLabel = "id|access", converter = TokenUseConverter.class,
            description = "a Cognito-style token; default for Cognito authorizers: access with scopes, else id")
    @Nullable String tokenUse;

    @Option(names = "--authorizer", paramLabel = "NAME", description = "the authorizer whose defaults to use, when"
            + " the API has several")
    @Nullable String authorizer;

    @Option(names = "--issuer-key", paramLabel = "FILE",
            description = "the local issuer's signing key (created when missing); default ~/.apigw/issuer-key.json")
    @Nullable Path issuerKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GatewayConfig config = configIfGiven();
        Api api = config == null ? null : config.spec().importApi(config.apiType()).orThrow();
        Path keyFile = issuerKey != null ? issuerKey
                : config != null && config.issuerKey() != null ? config.issuerKey() : LocalIssuer.DEFAULT_KEY_FILE;
        LocalIssuer localIssuer = LocalIssuer.create(keyFile, Clock.systemUTC(),
                config == null ? GatewayConfig.DEFAULT_ADMIN_PREFIX : config.adminPrefix());
        String host = config == null ? GatewayConfig.DEFAULT_HOST + ":" + GatewayConfig.DEFAULT_PORT
                : config.host() + ":" + config.port();
        TokenBuilder token = TokenBuilder.of(localIssuer, api, localIssuer.url(host));
        if (authorizer != null) {
            if (api == null) {
                throw new CliException("--authorizer " + authorizer + " needs the API that defines it",
                        "pass --spec FILE or --config apigw.yaml");
            }
            try {
                token.forAuthorizer(authorizer);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), "pass one of the names listed to --authorizer");
            }
        }
        apply(token);
        try {
            spec.commandLine().getOut().println(token.sign());
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), "pass --authorizer NAME or --issuer URL");
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }

    private void apply(TokenBuilder token) {
        if (subject != null) {
            token.subject(subject);
        }
        if (!scopes.isEmpty()) {
            token.scopes(scopes.toArray(String[]::new));
        }
        if (!audience.isEmpty()) {
            token.audience(audience.toArray(String[]::new));
        }
        if (clientId != null) {
            token.clientId(clientId);
        }
        if (expiresIn != null) {
            token.expiresIn(expiresIn);
        }
        if (issuer != null) {
            token.issuer(issuer);
        }
        if (tokenUse != null) {
            token.tokenUse(tokenUse);
        }
        claims.forEach(token::claim);
    }

    /** The API's config when a spec is given by flag or project file; a token needs no API. */
    private @Nullable GatewayConfig configIfGiven() {
        GatewayConfig.Builder builder = specOptions.toBuilder();
        try {
            return builder.build();
        } catch (IllegalStateException noSpec) {
            return null;
        }
    }

    /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration; write a"
                        + " number and a unit, e.g. 30s, 15m, 1h or 2d");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }

    static final class TokenUseConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.equals("id") && !value.equals("access")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a token use; write id or access");
            }
            return value;
        }
    }
}
