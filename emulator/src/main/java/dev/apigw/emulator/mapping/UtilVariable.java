package dev.apigw.emulator.mapping;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code $util} in mapping templates. Every function takes and returns text, UTF-8 throughout, as the reference
 * says ("unless otherwise specified, the default character set is UTF-8"). A {@code null} argument (a missing
 * value) gives {@code null}, which renders as nothing. Parameters are {@code String}: like Velocity 1.7, the engine
 * does not convert numbers or maps to text for a method call (see {@link EngineSettings}).
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference
 */
public final class UtilVariable {

    /**
     * JavaScript string escaping with the rules of Apache commons-lang 2.x {@code StringEscapeUtils.escapeJavaScript},
     * which AWS's wording matches ("turns any regular single quotes into escaped ones"): {@code ' " \ /} get a
     * backslash; backspace, tab, newline, form feed and carriage return become {@code \b \t \n \f \r}; other control
     * characters and everything above U+007F become {@code \}{@code uXXXX} with upper-case hex.
     */
    public @Nullable String escapeJavaScript(@Nullable String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                out.append(unicodeEscape(c));
            } else if (c < 0x20) {
                switch (c) {
                    case '\b' -> out.append("\\b");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append(unicodeEscape(c));
                }
            } else if (c == '\'' || c == '"' || c == '\\' || c == '/') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Stringified JSON as an object to navigate ({@code $obj.key2.arr[0]}): maps and lists that print as
     * {@code $input.path} results do.
     */
    public @Nullable Object parseJson(@Nullable String json) {
        return json == null ? null : JsonValues.parse(json);
    }

    /** {@code application/x-www-form-urlencoded}: a space becomes {@code +} [S: {@code some raw data} → {@code some+raw+data}]. */
    public @Nullable String urlEncode(@Nullable String text) {
        return text == null ? null : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public @Nullable String urlDecode(@Nullable String text) {
        return text == null ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public @Nullable String base64Encode(@Nullable String text) {
        return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public @Nullable String base64Decode(@Nullable String base64) {
        return base64 == null ? null : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "$util";
    }

    /** commons-lang 2.x pads to four digits and upper-cases the hex ({@code \u00E9}, {@code \u001F}). */
    private static String unicodeEscape(char c) {
        String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return "\\u" + "0".repeat(4 - hex.length()) + hex;
    }
}
