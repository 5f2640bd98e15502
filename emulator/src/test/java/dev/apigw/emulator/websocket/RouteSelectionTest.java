package dev.apigw.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteSelectionTest {
    private static final String CHAT_JOIN = "{\"service\":\"chat\",\"action\":\"join\"}";
    private static final String ROOM_MESSAGE = """
            {"action":"join","data":{"room":"room1234","size":3,"open":true,"owner":null},
             "items":["item1","item2"],"nested":[{"a":1},[2,3],null]}""";

    static String evaluate(String expression, String body) {
        return RouteSelection.compile(expression).evaluate(body).orElseThrow();
    }

    @Nested
    class Evaluation {
        // AWS's own examples (AWS-REFERENCE §3.1, from the developer guide's selection expression page).
        @ParameterizedTest(name = "{0} -> \"{1}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                $request.body.action                               | join
                ${request.body.action}                             | join
                ${request.body.service}/${request.body.action}     | chat/join
                ${request.body.action}-${request.body.invalidPath} | join-
                action                                             | action
                \\$default                                         | $default
                """)
        void evaluates_every_row_of_the_aws_expression_table(String expression, String key) {
            assertThat(evaluate(expression, CHAT_JOIN)).isEqualTo(key);
        }

        @ParameterizedTest(name = "{0} -> \"{1}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                $request.body.data.room       | room1234
                $request.body.data.size       | 3
                $request.body.data.open       | true
                $request.body.data.owner      | ""
                $request.body.data.missing.x  | ""
                $request.body.items           | [item1, item2]
                $request.body.items[1]        | item2
                $request.body['action']       | join
                $request.body.data            | {room=room1234, size=3, open=true, owner=null}
                $request.body.nested          | [{a=1}, [2, 3], null]
                $request.body.items[*].x      | ""
                """)
        void reads_nested_paths_and_stringifies_values_as_aws_does(String expression, String key) {
            assertThat(evaluate(expression, ROOM_MESSAGE)).isEqualTo(key);
        }

        @ParameterizedTest(name = "{0} -> \"{1}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                v1-$request.body.action          | v1-join
                $request.body.action-v1          | join-v1
                $request.body.action.            | join.
                $request.body.action/$request.body.service | join/chat
                ${request.body.action}x          | joinx
                a\\b$request.body.action         | a\\bjoin
                cost\\$$request.body.action      | cost$join
                """)
        void unbraced_variables_end_where_the_path_characters_end(String expression, String key) {
            assertThat(evaluate(expression, CHAT_JOIN)).isEqualTo(key);
        }

        @Test
        void variables_are_not_evaluated_again_after_substitution() {
            assertThat(evaluate("$request.body.action", "{\"action\":\"${request.body.other}\",\"other\":\"x\"}"))
                    .isEqualTo("${request.body.other}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"hello", "", "{\"action\":", "{\"action\":\"join\"} trailing", "join"})
        void a_non_json_message_has_no_key(String body) {
            assertThat(RouteSelection.compile("$request.body.action").evaluate(body)).isEmpty();
        }
    }

    @Nested
    class Selection {
        private final RouteSelection selection = RouteSelection.compile("$request.body.action");

        @Test
        void selects_the_route_whose_key_equals_the_evaluated_value() {
            assertThat(selection.select(CHAT_JOIN, Set.of("join", "leave", "$default"))).contains("join");
        }

        @Test
        void matching_is_exact_and_case_sensitive() {
            assertThat(selection.select("{\"action\":\"Join\"}", Set.of("join", "$default"))).contains("$default");
        }

        @Test
        void falls_back_to_default_when_no_route_matches() {
            assertThat(selection.select("{\"action\":\"dance\"}", Set.of("join", "$default"))).contains("$default");
        }

        @Test
        void selects_nothing_when_no_route_matches_and_there_is_no_default() {
            assertThat(selection.select("{\"action\":\"dance\"}", Set.of("join"))).isEmpty();
        }

        @Test
        void a_non_json_message_goes_to_default() {
            assertThat(selection.select("join", Set.of("join", "$default"))).contains("$default");
        }

        @Test
        void a_non_json_message_goes_to_default_even_with_a_static_expression() {
            RouteSelection fixed = RouteSelection.compile("join");

            assertThat(fixed.select("not json", Set.of("join", "$default"))).contains("$default");
        }

        @Test
        void a_non_json_message_without_default_selects_nothing() {
            assertThat(selection.select("not json", Set.of("join"))).isEmpty();
        }

        @Test
        void a_message_never_selects_the_connect_or_disconnect_route() {
            Set<String> routes = Set.of("$connect", "$disconnect", "$default");

            assertThat(selection.select("{\"action\":\"$connect\"}", routes)).contains("$default");
            assertThat(selection.select("{\"action\":\"$disconnect\"}", Set.of("$disconnect"))).isEmpty();
        }

        @Test
        void an_escaped_default_expression_always_selects_default() {
            RouteSelection always = RouteSelection.compile("\\$default");

            assertThat(always.select(CHAT_JOIN, Set.of("join", "$default"))).contains("$default");
        }
    }

    @Nested
    class Malformed {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                ${request.body.action              | has no closing
                $                                  | is not followed by a variable
                ${}                                | is not followed by a variable
                a-$-b                              | is not followed by a variable
                $default                           | is not supported
                $context.routeKey                  | is not supported
                ${request.header.x}                | is not supported
                $request.body.items[0              | has no closing
                ${request.body.a[?(@.x}            | is not a valid JSONPath
                """)
        void is_rejected_with_a_message_naming_the_problem(String expression, String message) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouteSelection.compile(expression))
                    .withMessageContaining(expression)
                    .withMessageContaining(message);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void an_empty_expression_is_rejected(String expression) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> RouteSelection.compile(expression))
                    .withMessageContaining("empty");
        }
    }
}
