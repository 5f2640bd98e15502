package dev.apigw.emulator.lambdaapi;

import static java.util.Objects.requireNonNull;

import dev.apigw.lambda.LocalAccount;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Invoke API's {@code FunctionName}: a name ({@code my-function}), a partial ARN
 * ({@code 123456789012:function:my-function}) or a full ARN ({@code arn:aws:lambda:us-west-2:123456789012:function:
 * my-function}), each optionally ending in {@code :qualifier} [D Invoke API reference, FunctionName].
 *
 * @param region from a full ARN, else apigw's region
 * @param account from an ARN, else apigw's account
 * @param qualifier the version or alias after the name, null when none is given
 */
public record FunctionName(String name, String region, String account, @Nullable String qualifier) {

    /** The account id apigw reports in ARNs, as LocalStack does. */

    private static final Pattern FULL_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([^:]+)(?::([^:]+))?");
    private static final Pattern PARTIAL_ARN = Pattern.compile("(\\d{12}):function:([^:]+)(?::([^:]+))?");
    private static final Pattern NAME = Pattern.compile("([^:]+)(?::([^:]+))?");

    public FunctionName {
        requireNonNull(name, "name");
        requireNonNull(region, "region");
        requireNonNull(account, "account");
    }

    /** @return null when {@code raw} is none of the three forms */
    public static @Nullable FunctionName parse(String raw) {
        Matcher full = FULL_ARN.matcher(raw);
        if (full.matches()) {
            return new FunctionName(full.group(3), full.group(1), full.group(2), full.group(4));
        }
        Matcher partial = PARTIAL_ARN.matcher(raw);
        if (partial.matches()) {
            return new FunctionName(partial.group(2), LocalAccount.REGION, partial.group(1), partial.group(3));
        }
        Matcher plain = NAME.matcher(raw);
        if (plain.matches()) {
            return new FunctionName(plain.group(1), LocalAccount.REGION, LocalAccount.ID, plain.group(2));
        }
        return null;
    }

    /** The qualifier from the name, else from the {@code Qualifier} query parameter. */
    public FunctionName withQualifier(@Nullable String fromQuery) {
        return qualifier != null || fromQuery == null || fromQuery.isEmpty()
                ? this
                : new FunctionName(name, region, account, fromQuery);
    }

    /** The function's ARN with its qualifier, as Lambda names it in "Function not found" messages. */
    public String arn() {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name
                + (qualifier == null ? "" : ":" + qualifier);
    }
}
