package dev.apigw.emulator.routing;

import static dev.apigw.emulator.routing.TestApis.MOCK;
import static dev.apigw.emulator.routing.TestApis.httpApi;
import static dev.apigw.emulator.routing.TestApis.restApi;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void rest_api_gets_a_rest_table_with_stage_prefixed_entries() {
        RouteTable table = RouteTable.forApi(restApi("GET /", "ANY /pets/{id}", "GET /pets/{id}"), "dev");

        assertThat(table).isInstanceOf(RestRouteTable.class);
        assertThat(table.entries()).containsExactly(
                new RouteEntry("GET", "/dev/", "/", MOCK),
                new RouteEntry("GET", "/dev/pets/{id}", "/pets/{id}", MOCK),
                new RouteEntry("ANY", "/dev/pets/{id}", "/pets/{id}", MOCK));
    }

    @Test
    void http_api_on_the_default_stage_lists_paths_at_the_root() {
        RouteTable table = RouteTable.forApi(httpApi("GET /pets/{id}", "$default"), "$default");

        assertThat(table).isInstanceOf(HttpRouteTable.class);
        assertThat(table.entries()).containsExactly(
                new RouteEntry("GET", "/pets/{id}", "GET /pets/{id}", MOCK),
                new RouteEntry("ANY", "/*", "$default", MOCK));
    }

    @Test
    void http_api_on_a_named_stage_lists_paths_below_it() {
        RouteTable table = RouteTable.forApi(httpApi("ANY /{proxy+}"), "prod");

        assertThat(table.entries()).containsExactly(new RouteEntry("ANY", "/prod/{proxy+}", "ANY /{proxy+}", MOCK));
    }
}
