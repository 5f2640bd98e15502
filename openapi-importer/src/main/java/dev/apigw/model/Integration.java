package dev.apigw.model;

import static java.util.Objects.requireNonNull;

/**
 * The integration behind a method or route ({@code x-amazon-apigateway-integration}). One record per
 * integration type; the settings shared by all types are in {@link IntegrationOptions}.
 */
public sealed interface Integration {

    IntegrationOptions options();

    /** The type as AWS spells it in {@code x-amazon-apigateway-integration.type}. */
    String awsType();

    /** {@code aws_proxy} to a Lambda function. */
    record LambdaProxy(FunctionRef function, PayloadFormatVersion payloadFormatVersion, IntegrationOptions options)
            implements Integration {
        public LambdaProxy {
            requireNonNull(function, "function");
            requireNonNull(payloadFormatVersion, "payloadFormatVersion");
            requireNonNull(options, "options");
        }

        @Override
        public String awsType() {
            return "AWS_PROXY";
        }
    }

    /** {@code aws} (non-proxy) to a Lambda function, with mapping templates. */
    record Lambda(FunctionRef function, IntegrationOptions options) implements Integration {
        public Lambda {
            requireNonNull(function, "function");
            requireNonNull(options, "options");
        }

        @Override
        public String awsType() {
            return "AWS";
        }
    }

    /** {@code http_proxy}: the request is forwarded to {@code uri} (may hold {@code {param}} and stage variables). */
    record HttpProxy(String uri, HttpMethod httpMethod, IntegrationOptions options) implements Integration {
        public HttpProxy {
            requireNonNull(uri, "uri");
            requireNonNull(httpMethod, "httpMethod");
            requireNonNull(options, "options");
        }

        @Override
        public String awsType() {
            return "HTTP_PROXY";
        }
    }

    /** {@code http} (non-proxy) to {@code uri}, with mapping templates. */
    record Http(String uri, HttpMethod httpMethod, IntegrationOptions options) implements Integration {
        public Http {
            requireNonNull(uri, "uri");
            requireNonNull(httpMethod, "httpMethod");
            requireNonNull(options, "options");
        }

        @Override
        public String awsType() {
            return "HTTP";
        }
    }

    /** {@code mock}: the response comes from the integration responses alone. */
    record Mock(IntegrationOptions options) implements Integration {
        public Mock {
            requireNonNull(options, "options");
        }

        @Override
        public String awsType() {
            return "MOCK";
        }
    }
}
