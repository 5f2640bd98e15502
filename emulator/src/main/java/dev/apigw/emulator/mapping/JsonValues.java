package dev.apigw.emulator.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.spi.json.JsonProvider;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * JSON as API Gateway's templates see it: Jayway JsonPath over json-smart, the "JSONPath for Java" the reference
 * links to. json-smart's ordered reader makes objects {@code LinkedHashMap}s, which print as Java maps
 * ({@code {foo=bar}}), and arrays {@code JSONArray}s, which print as compact JSON ({@code [{"foo":"bar"}]}) — exactly
 * the rendering real AWS showed [S test_input_path_template_formatting], so the library's own types are used rather
 * than imitated. Its parser is lenient (single quotes, unquoted words), as the default JsonPath provider is.
 */
final class JsonValues {
    /** Stateless and thread-safe: each parse makes its own parser. */
    private static final JsonProvider PROVIDER = new JsonSmartJsonProvider();

    /** No options: a missing definite path throws PathNotFoundException, which each caller maps to AWS's result. */
    static final Configuration CONFIGURATION =
            Configuration.builder().jsonProvider(PROVIDER).mappingProvider(new JsonSmartMappingProvider()).build();

    private JsonValues() {}

    /**
     * The JSON value of {@code text}: a map, a list, a string, a number, a boolean, or null for {@code null}.
     *
     * @throws com.jayway.jsonpath.InvalidJsonException when even the lenient parser cannot read it
     */
    static @Nullable Object parse(String text) {
        return PROVIDER.parse(text);
    }

    /**
     * Compact JSON in json-smart's default style, the same writer that prints arrays inside templates (so a
     * {@code /} in a string is written {@code \/} in both). json-smart is only a runtime dependency of JsonPath, so
     * the value is written through one of its arrays, {@code [value]}, and the brackets are cut off.
     */
    static String toJson(@Nullable Object value) {
        @SuppressWarnings("unchecked")
        List<Object> wrapper = (List<Object>) PROVIDER.createArray();
        wrapper.add(value);
        String json = wrapper.toString();
        return json.substring(1, json.length() - 1);
    }
}
