package dev.apigw.model;

import java.util.Map;

/** An imported API: a REST API (API Gateway v1) or an HTTP API (v2). */
public sealed interface Api permits RestApi, HttpApi {

    /** The document's {@code info.title}. */
    String title();

    /** Authorizers declared by security schemes, by scheme name. */
    Map<String, Authorizer> authorizers();

    ApiType type();
}
