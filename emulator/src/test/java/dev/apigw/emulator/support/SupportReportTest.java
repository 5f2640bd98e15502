package dev.apigw.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.importer.ImportResult;
import dev.apigw.importer.OpenApiImporter;
import dev.apigw.model.ApiType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The support report of real documents, imported by the real importer. */
class SupportReportTest {
    private static final String SPECS = "src/test/resources/specs/";

    private static SupportReport report(String spec) {
        ImportResult imported = OpenApiImporter.importFrom(Path.of(SPECS + spec));
        assertThat(imported.api()).as("%s imports: %s", spec, imported.problems()).isNotNull();
        return SupportReport.of(imported);
    }

    private static SupportReport report(String document, ApiType apiType) {
        ImportResult imported = OpenApiImporter.importFrom(document, "inline.yaml", apiType);
        assertThat(imported.api()).as("imports: %s", imported.problems()).isNotNull();
        return SupportReport.of(imported);
    }

    @Test
    void a_rest_api_lists_each_unenforced_setting_with_its_location_in_document_order() {
        String source = SPECS + "unenforced-rest.yaml";

        assertThat(report("unenforced-rest.yaml").unenforced()).containsExactly(
                "x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint at " + source + " line 8"
                        + " (servers.0.x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint): apigw"
                        + " serves the API at its own address all the same, where AWS refuses every request to the"
                        + " default execute-api endpoint",
                "x-amazon-apigateway-endpoint-configuration.vpcEndpointIds at " + source + " line 9"
                        + " (servers.0.x-amazon-apigateway-endpoint-configuration.vpcEndpointIds): any caller reaches"
                        + " the API, where AWS admits only requests through the listed VPC endpoints",
                "x-amazon-apigateway-security-policy at " + source + " line 11"
                        + " (x-amazon-apigateway-security-policy): apigw serves plain HTTP, so TLS versions and cipher"
                        + " suites are not restricted",
                "x-amazon-apigateway-endpoint-access-mode at " + source + " line 12"
                        + " (x-amazon-apigateway-endpoint-access-mode): requests are not checked for the endpoint type"
                        + " they come through or for a matching SNI host name",
                "x-amazon-apigateway-integration.connectionType at " + source + " line 40"
                        + " (paths./legacy/{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration"
                        + ".connectionType): apigw calls the uri from this machine, not through VPC link vl1234",
                "x-amazon-apigateway-integration.tlsConfig.insecureSkipVerification at " + source + " line 45"
                        + " (paths./legacy/{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration"
                        + ".tlsConfig.insecureSkipVerification): apigw verifies the backend's certificate against the"
                        + " JVM's trust store, so a self-signed or privately issued certificate fails the call");
    }

    @Test
    void each_item_carries_its_setting_location_and_line() {
        assertThat(report("unenforced-rest.yaml").items()).first().satisfies(item -> {
            assertThat(item.setting()).isEqualTo("x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint");
            assertThat(item.location())
                    .isEqualTo("servers.0.x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint");
            assertThat(item.line()).isEqualTo(8);
        });
    }

    @Test
    void an_http_api_reports_a_shared_integration_once_where_it_is_written_and_not_what_aws_ignores() {
        String source = SPECS + "unenforced-http.yaml";

        assertThat(report("unenforced-http.yaml").unenforced()).containsExactly(
                "x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint at " + source + " line 6"
                        + " (servers.0.x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint): apigw"
                        + " serves the API at its own address all the same, where AWS refuses every request to the"
                        + " default execute-api endpoint",
                "x-amazon-apigateway-integration.connectionType at " + source + " line 32"
                        + " (components.x-amazon-apigateway-integrations.private-orders.connectionType): apigw calls"
                        + " the uri from this machine, not through VPC link abc123",
                "x-amazon-apigateway-integration.tlsConfig.serverNameToVerify at " + source + " line 35"
                        + " (components.x-amazon-apigateway-integrations.private-orders.tlsConfig.serverNameToVerify):"
                        + " apigw verifies the backend's certificate against the host name of the uri instead");
    }

    @Test
    void a_websocket_api_reports_its_api_keys_but_not_its_enforced_connect_authorizer() {
        String source = SPECS + "unenforced-ws.yaml";

        assertThat(report("unenforced-ws.yaml").unenforced()).containsExactly(
                "x-apigw-websocket.apiKeySelectionExpression at " + source + " line 17"
                        + " (x-apigw-websocket.apiKeySelectionExpression): connections are accepted without an API key");
    }

    @Test
    void swagger_2_writes_the_endpoint_configuration_at_the_root() {
        String swagger = """
                swagger: "2.0"
                info: {title: root-endpoint, version: "1"}
                x-amazon-apigateway-endpoint-configuration:
                  disableExecuteApiEndpoint: true
                paths: {}
                """;

        assertThat(report(swagger, ApiType.REST).items()).singleElement().satisfies(item -> {
            assertThat(item.location()).isEqualTo("x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint");
            assertThat(item.line()).isEqualTo(4);
        });
    }

    @Test
    void settings_that_change_nothing_a_client_sees_are_not_reported() {
        String document = """
                openapi: 3.0.1
                info: {title: quiet, version: "1"}
                servers:
                  - url: https://example.com
                    x-amazon-apigateway-endpoint-configuration:
                      disableExecuteApiEndpoint: false
                      vpcEndpointIds: []
                x-amazon-apigateway-endpoint-access-mode: BASIC
                x-amazon-apigateway-security-policy: TLS_1_0
                x-amazon-apigateway-documentation:
                  version: "1"
                  documentationParts: []
                paths:
                  /pets:
                    get:
                      x-amazon-apigateway-integration:
                        type: http_proxy
                        httpMethod: GET
                        uri: https://example.com/pets
                        credentials: arn:aws:iam::000000000000:role/apigw
                        cacheNamespace: abc123
                        cacheKeyParameters: []
                        connectionType: INTERNET
                        tlsConfig: {insecureSkipVerification: false}
                """;

        assertThat(report(document, ApiType.REST).unenforced()).isEmpty();
    }

    @Test
    void clean_documents_have_an_empty_report_and_no_warning() {
        for (String spec : new String[] {"rest-api.yaml", "http-api.yaml", "ws-chat.yaml", "rest-authorizer.yaml"}) {
            SupportReport report = report(spec);

            assertThat(report.unenforced()).as(spec).isEmpty();
            assertThat(report.isEmpty()).isTrue();
            assertThat(report.warning()).isEmpty();
        }
    }

    @Test
    void a_document_that_does_not_import_has_an_empty_report() {
        ImportResult broken = OpenApiImporter.importFrom(Path.of(SPECS + "broken.yaml"));

        assertThat(broken.api()).isNull();
        assertThat(SupportReport.of(broken).unenforced()).isEmpty();
    }

    @Test
    void the_warning_is_one_message_listing_every_line() {
        SupportReport report = report("unenforced-http.yaml");

        assertThat(report.unenforced()).hasSizeGreaterThan(1);
        assertThat(report.warning()).hasValueSatisfying(warning -> assertThat(warning.lines()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("apigw does not enforce "
                        + report.unenforced().size() + " setting(s) of " + SPECS + "unenforced-http.yaml (start with"
                        + " --strict to refuse them):"), report.unenforced().stream().map(line -> "  " + line))
                        .toList()));
    }
}
